-- POST /api/problems with an Idempotency-Key header: the key, a hash of the request body and the
-- problem it registered, written in the registration's transaction. A retry finds the row and
-- gets the same problem; nothing is registered twice. Keys are scoped per user.
create table registration_key (
  requested_by     varchar(64)  not null,
  idempotency_key  varchar(255) not null,
  request_hash     varchar(64)  not null,
  problem_number   varchar(20)  not null,
  created_at       timestamp with time zone not null,
  constraint registration_key_pk primary key (requested_by, idempotency_key)
);

-- Spring Session JDBC (production profile): HTTP sessions in the shared database, so a user
-- signed in on one node keeps working when the proxy sends the next request to another node.
-- The schema of spring-session-jdbc's schema-postgresql.sql; bytea is also accepted by H2.
create table spring_session (
  primary_id             char(36)     not null,
  session_id             char(36)     not null,
  creation_time          bigint       not null,
  last_access_time       bigint       not null,
  max_inactive_interval  int          not null,
  expiry_time            bigint       not null,
  principal_name         varchar(100),
  constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id  char(36)     not null,
  attribute_name      varchar(200) not null,
  attribute_bytes     bytea        not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
