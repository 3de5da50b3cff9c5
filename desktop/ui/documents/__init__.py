"""The Documents page: choose a printed document and its options, preview its first page,
write the PDF in the background and open it with the system viewer."""
