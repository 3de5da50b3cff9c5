"""The initial schema: the whole data model of a mission file.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('airport',
    sa.Column('iata', sa.String(length=3), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.CheckConstraint('length(iata) = 3', name=op.f('ck_airport_iata_three_letters')),
    sa.PrimaryKeyConstraint('iata', name=op.f('pk_airport'))
    )
    op.create_table('mission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organisers', sa.Text(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('home_timezone', sa.String(length=64), nullable=False),
    sa.Column('home_country', sa.String(length=2), nullable=False),
    sa.Column('working_languages', sa.JSON(), nullable=False),
    sa.Column('document_language', sa.String(length=2), nullable=False),
    sa.Column('emergency_contacts', sa.Text(), nullable=False),
    sa.Column('min_connection_minutes', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("document_language IN ('en', 'fr')", name=op.f('ck_mission_document_language_supported')),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_mission_dates_in_order')),
    sa.CheckConstraint('id = 1', name=op.f('ck_mission_single_row')),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_mission_name_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mission'))
    )
    op.create_table('organization',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('side', sa.Enum('delegation', 'host', 'organiser', 'sponsor', 'press', 'public_body', name='side_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('sectors', sa.JSON(), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('offers', sa.Text(), nullable=False),
    sa.Column('seeks', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_organization_name_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization')),
    sa.UniqueConstraint('name', name=op.f('uq_organization_name'))
    )
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_side'), ['side'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('badge_name', sa.String(length=100), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('job_title', sa.String(length=150), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('category', sa.Enum('delegate', 'host', 'organiser', 'speaker', 'vip', 'press', 'staff', name='category_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('status', sa.Enum('invited', 'confirmed', 'cancelled', 'waitlisted', name='status_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('document_language', sa.String(length=2), nullable=False),
    sa.Column('nationality', sa.String(length=2), nullable=True),
    sa.Column('passport_number', sa.String(length=20), nullable=False),
    sa.Column('passport_expiry', sa.Date(), nullable=True),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('dietary_needs', sa.String(length=200), nullable=False),
    sa.Column('accessibility_needs', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("document_language IN ('en', 'fr')", name=op.f('ck_person_document_language_supported')),
    sa.CheckConstraint('length(trim(family_name)) > 0', name=op.f('ck_person_family_name_not_blank')),
    sa.CheckConstraint('length(trim(given_name)) > 0', name=op.f('ck_person_given_name_not_blank')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_person_organization_id_organization'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_email'), ['email'], unique=False)
        batch_op.create_index('ix_person_name', ['family_name', 'given_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_status'), ['status'], unique=False)

    op.create_table('venue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.Enum('hotel', 'conference_centre', 'company_site', 'airport', 'restaurant', 'other', name='venuekind_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('iata', sa.String(length=3), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_venue_name_not_blank')),
    sa.ForeignKeyConstraint(['iata'], ['airport.iata'], name=op.f('fk_venue_iata_airport'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venue')),
    sa.UniqueConstraint('name', 'city', name=op.f('uq_venue_name_city'))
    )
    op.create_table('b2b_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('max_meetings', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint('(organization_id IS NULL AND person_id IS NOT NULL) OR (organization_id IS NOT NULL AND person_id IS NULL)', name=op.f('ck_b2b_participant_team_or_person')),
    sa.CheckConstraint('max_meetings IS NULL OR max_meetings >= 0', name=op.f('ck_b2b_participant_max_not_negative')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_b2b_participant_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_b2b_participant_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_b2b_participant')),
    sa.UniqueConstraint('organization_id', name=op.f('uq_b2b_participant_organization_id')),
    sa.UniqueConstraint('person_id', name=op.f('uq_b2b_participant_person_id'))
    )
    op.create_table('flight_segment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('carrier', sa.String(length=3), nullable=False),
    sa.Column('flight_number', sa.String(length=8), nullable=False),
    sa.Column('from_airport', sa.String(length=3), nullable=False),
    sa.Column('to_airport', sa.String(length=3), nullable=False),
    sa.Column('departs_at', sa.DateTime(), nullable=False),
    sa.Column('arrives_at', sa.DateTime(), nullable=False),
    sa.Column('departure_zone', sa.String(length=64), nullable=False),
    sa.Column('arrival_zone', sa.String(length=64), nullable=False),
    sa.Column('booking_reference', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('arrives_at > departs_at', name=op.f('ck_flight_segment_arrives_after_departure')),
    sa.CheckConstraint('from_airport <> to_airport', name=op.f('ck_flight_segment_two_airports')),
    sa.CheckConstraint('length(trim(flight_number)) > 0', name=op.f('ck_flight_segment_flight_number_not_blank')),
    sa.ForeignKeyConstraint(['from_airport'], ['airport.iata'], name=op.f('fk_flight_segment_from_airport_airport')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_flight_segment_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['to_airport'], ['airport.iata'], name=op.f('fk_flight_segment_to_airport_airport')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flight_segment'))
    )
    with op.batch_alter_table('flight_segment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flight_segment_arrives_at'), ['arrives_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_flight_segment_person_id'), ['person_id'], unique=False)

    op.create_table('hotel_stay',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('hotel_id', sa.Integer(), nullable=False),
    sa.Column('check_in', sa.Date(), nullable=False),
    sa.Column('check_out', sa.Date(), nullable=False),
    sa.Column('room_type', sa.Enum('single', 'double', 'twin', 'suite', name='roomtype_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('room_number', sa.String(length=20), nullable=False),
    sa.Column('sharing_with_id', sa.Integer(), nullable=True),
    sa.Column('special_requests', sa.String(length=300), nullable=False),
    sa.Column('confirmed', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('check_out > check_in', name=op.f('ck_hotel_stay_check_out_after_check_in')),
    sa.CheckConstraint('sharing_with_id IS NULL OR sharing_with_id <> person_id', name=op.f('ck_hotel_stay_not_sharing_with_self')),
    sa.ForeignKeyConstraint(['hotel_id'], ['venue.id'], name=op.f('fk_hotel_stay_hotel_id_venue')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_hotel_stay_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sharing_with_id'], ['person.id'], name=op.f('fk_hotel_stay_sharing_with_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hotel_stay'))
    )
    with op.batch_alter_table('hotel_stay', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hotel_stay_hotel_id'), ['hotel_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hotel_stay_person_id'), ['person_id'], unique=False)

    op.create_table('interpreter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_interpreter_name_not_blank')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_interpreter_person_id_person'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interpreter')),
    sa.UniqueConstraint('person_id', name=op.f('uq_interpreter_person_id'))
    )
    op.create_table('room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint('capacity IS NULL OR capacity > 0', name=op.f('ck_room_capacity_positive')),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_room_name_not_blank')),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_room_venue_id_venue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room')),
    sa.UniqueConstraint('venue_id', 'name', name=op.f('uq_room_venue_id_name'))
    )
    op.create_table('room_block',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hotel_id', sa.Integer(), nullable=False),
    sa.Column('night', sa.Date(), nullable=False),
    sa.Column('room_type', sa.Enum('single', 'double', 'twin', 'suite', name='roomtype_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('rooms', sa.Integer(), nullable=False),
    sa.CheckConstraint('rooms >= 0', name=op.f('ck_room_block_rooms_not_negative')),
    sa.ForeignKeyConstraint(['hotel_id'], ['venue.id'], name=op.f('fk_room_block_hotel_id_venue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room_block')),
    sa.UniqueConstraint('hotel_id', 'night', 'room_type', name=op.f('uq_room_block_hotel_id_night_room_type'))
    )
    op.create_table('transfer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.Enum('arrival', 'departure', 'other', name='transferdirection_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('from_venue_id', sa.Integer(), nullable=False),
    sa.Column('to_venue_id', sa.Integer(), nullable=False),
    sa.Column('departs_at', sa.DateTime(), nullable=False),
    sa.Column('zone', sa.String(length=64), nullable=False),
    sa.Column('vehicle_kind', sa.Enum('car', 'van', 'minibus', 'coach', name='vehiclekind_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('vehicle', sa.String(length=100), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('driver_name', sa.String(length=100), nullable=False),
    sa.Column('driver_phone', sa.String(length=20), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'confirmed', name='transferstatus_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('capacity > 0', name=op.f('ck_transfer_capacity_positive')),
    sa.CheckConstraint('from_venue_id <> to_venue_id', name=op.f('ck_transfer_two_places')),
    sa.ForeignKeyConstraint(['from_venue_id'], ['venue.id'], name=op.f('fk_transfer_from_venue_id_venue')),
    sa.ForeignKeyConstraint(['to_venue_id'], ['venue.id'], name=op.f('fk_transfer_to_venue_id_venue')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer'))
    )
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_departs_at'), ['departs_at'], unique=False)

    op.create_table('meeting_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requester_id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('requested', 'accepted', 'declined', name='requeststatus_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('priority BETWEEN 1 AND 3', name=op.f('ck_meeting_request_priority_range')),
    sa.CheckConstraint('requester_id <> target_id', name=op.f('ck_meeting_request_not_self')),
    sa.ForeignKeyConstraint(['requester_id'], ['b2b_participant.id'], name=op.f('fk_meeting_request_requester_id_b2b_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['b2b_participant.id'], name=op.f('fk_meeting_request_target_id_b2b_participant'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_request')),
    sa.UniqueConstraint('requester_id', 'target_id', name=op.f('uq_meeting_request_requester_id_target_id'))
    )
    with op.batch_alter_table('meeting_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_request_target_id'), ['target_id'], unique=False)

    op.create_table('program_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('title_fr', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('description_fr', sa.Text(), nullable=False),
    sa.Column('kind', sa.Enum('plenary', 'panel', 'site_visit', 'meal', 'reception', 'transfer', 'b2b_block', 'other', name='sessionkind_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('audience', sa.Enum('everyone', 'category', 'side', 'list', name='audience_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('audience_category', sa.Enum('delegate', 'host', 'organiser', 'speaker', 'vip', 'press', 'staff', name='audience_category_value', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('audience_side', sa.Enum('delegation', 'host', 'organiser', 'sponsor', 'press', 'public_body', name='audience_side_value', native_enum=False, create_constraint=True), nullable=True),
    sa.Column('slot_minutes', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("audience <> 'category' OR audience_category IS NOT NULL", name=op.f('ck_program_session_category_audience_named')),
    sa.CheckConstraint("audience <> 'side' OR audience_side IS NOT NULL", name=op.f('ck_program_session_side_audience_named')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_program_session_ends_after_start')),
    sa.CheckConstraint('length(trim(title)) > 0', name=op.f('ck_program_session_title_not_blank')),
    sa.CheckConstraint('slot_minutes IS NULL OR slot_minutes > 0', name=op.f('ck_program_session_slot_positive')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_program_session_room_id_room'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_program_session_venue_id_venue'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program_session'))
    )
    with op.batch_alter_table('program_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_session_starts_at'), ['starts_at'], unique=False)

    op.create_table('transfer_passenger',
    sa.Column('transfer_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('flight_id', sa.Integer(), nullable=True),
    sa.Column('luggage_note', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['flight_id'], ['flight_segment.id'], name=op.f('fk_transfer_passenger_flight_id_flight_segment'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_transfer_passenger_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['transfer_id'], ['transfer.id'], name=op.f('fk_transfer_passenger_transfer_id_transfer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('transfer_id', 'person_id', name=op.f('pk_transfer_passenger'))
    )
    with op.batch_alter_table('transfer_passenger', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_passenger_person_id'), ['person_id'], unique=False)

    op.create_table('b2b_slot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('part', sa.String(length=20), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_b2b_slot_ends_after_start')),
    sa.ForeignKeyConstraint(['session_id'], ['program_session.id'], name=op.f('fk_b2b_slot_session_id_program_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_b2b_slot')),
    sa.UniqueConstraint('session_id', 'starts_at', name=op.f('uq_b2b_slot_session_id_starts_at'))
    )
    with op.batch_alter_table('b2b_slot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_b2b_slot_starts_at'), ['starts_at'], unique=False)

    op.create_table('b2b_table',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('length(trim(name)) > 0', name=op.f('ck_b2b_table_name_not_blank')),
    sa.ForeignKeyConstraint(['participant_id'], ['b2b_participant.id'], name=op.f('fk_b2b_table_participant_id_b2b_participant'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_b2b_table_room_id_room'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['program_session.id'], name=op.f('fk_b2b_table_session_id_program_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_b2b_table')),
    sa.UniqueConstraint('session_id', 'name', name=op.f('uq_b2b_table_session_id_name'))
    )
    op.create_table('session_attendee',
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_session_attendee_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['session_id'], ['program_session.id'], name=op.f('fk_session_attendee_session_id_program_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('session_id', 'person_id', name=op.f('pk_session_attendee'))
    )
    with op.batch_alter_table('session_attendee', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_attendee_person_id'), ['person_id'], unique=False)

    op.create_table('interpreter_unavailability',
    sa.Column('interpreter_id', sa.Integer(), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['interpreter_id'], ['interpreter.id'], name=op.f('fk_interpreter_unavailability_interpreter_id_interpreter'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['slot_id'], ['b2b_slot.id'], name=op.f('fk_interpreter_unavailability_slot_id_b2b_slot'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('interpreter_id', 'slot_id', name=op.f('pk_interpreter_unavailability'))
    )
    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('participant_a_id', sa.Integer(), nullable=False),
    sa.Column('participant_b_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('table_id', sa.Integer(), nullable=False),
    sa.Column('interpreter_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('planned', 'confirmed', 'cancelled', name='meetingstatus_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('origin', sa.Enum('auto', 'manual', name='meetingorigin_value', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('participant_a_id <> participant_b_id', name=op.f('ck_meeting_two_parties')),
    sa.ForeignKeyConstraint(['interpreter_id'], ['interpreter.id'], name=op.f('fk_meeting_interpreter_id_interpreter'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['participant_a_id'], ['b2b_participant.id'], name=op.f('fk_meeting_participant_a_id_b2b_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_b_id'], ['b2b_participant.id'], name=op.f('fk_meeting_participant_b_id_b2b_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['meeting_request.id'], name=op.f('fk_meeting_request_id_meeting_request'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['slot_id'], ['b2b_slot.id'], name=op.f('fk_meeting_slot_id_b2b_slot'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['table_id'], ['b2b_table.id'], name=op.f('fk_meeting_table_id_b2b_table'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_participant_a_id'), ['participant_a_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_participant_b_id'), ['participant_b_id'], unique=False)
        batch_op.create_index('uq_meeting_slot_interpreter', ['slot_id', 'interpreter_id'], unique=True, sqlite_where=sa.text("status <> 'cancelled' AND interpreter_id IS NOT NULL"), postgresql_where=sa.text("status <> 'cancelled' AND interpreter_id IS NOT NULL"))
        batch_op.create_index('uq_meeting_slot_table', ['slot_id', 'table_id'], unique=True, sqlite_where=sa.text("status <> 'cancelled'"), postgresql_where=sa.text("status <> 'cancelled'"))

    op.create_table('participant_unavailability',
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['b2b_participant.id'], name=op.f('fk_participant_unavailability_participant_id_b2b_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['slot_id'], ['b2b_slot.id'], name=op.f('fk_participant_unavailability_slot_id_b2b_slot'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('participant_id', 'slot_id', name=op.f('pk_participant_unavailability'))
    )


def downgrade() -> None:

    op.drop_table('participant_unavailability')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index('uq_meeting_slot_table', sqlite_where=sa.text("status <> 'cancelled'"), postgresql_where=sa.text("status <> 'cancelled'"))
        batch_op.drop_index('uq_meeting_slot_interpreter', sqlite_where=sa.text("status <> 'cancelled' AND interpreter_id IS NOT NULL"), postgresql_where=sa.text("status <> 'cancelled' AND interpreter_id IS NOT NULL"))
        batch_op.drop_index(batch_op.f('ix_meeting_participant_b_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_participant_a_id'))

    op.drop_table('meeting')
    op.drop_table('interpreter_unavailability')
    with op.batch_alter_table('session_attendee', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_attendee_person_id'))

    op.drop_table('session_attendee')
    op.drop_table('b2b_table')
    with op.batch_alter_table('b2b_slot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_b2b_slot_starts_at'))

    op.drop_table('b2b_slot')
    with op.batch_alter_table('transfer_passenger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_passenger_person_id'))

    op.drop_table('transfer_passenger')
    with op.batch_alter_table('program_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_session_starts_at'))

    op.drop_table('program_session')
    with op.batch_alter_table('meeting_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_request_target_id'))

    op.drop_table('meeting_request')
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_departs_at'))

    op.drop_table('transfer')
    op.drop_table('room_block')
    op.drop_table('room')
    op.drop_table('interpreter')
    with op.batch_alter_table('hotel_stay', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hotel_stay_person_id'))
        batch_op.drop_index(batch_op.f('ix_hotel_stay_hotel_id'))

    op.drop_table('hotel_stay')
    with op.batch_alter_table('flight_segment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flight_segment_person_id'))
        batch_op.drop_index(batch_op.f('ix_flight_segment_arrives_at'))

    op.drop_table('flight_segment')
    op.drop_table('b2b_participant')
    op.drop_table('venue')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_status'))
        batch_op.drop_index(batch_op.f('ix_person_organization_id'))
        batch_op.drop_index('ix_person_name')
        batch_op.drop_index(batch_op.f('ix_person_email'))
        batch_op.drop_index(batch_op.f('ix_person_category'))

    op.drop_table('person')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_side'))

    op.drop_table('organization')
    op.drop_table('mission')
    op.drop_table('airport')

