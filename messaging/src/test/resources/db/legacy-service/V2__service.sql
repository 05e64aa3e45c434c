-- A service's own table, beside the outbox it once created itself.
CREATE TABLE service_thing (id uuid PRIMARY KEY);
