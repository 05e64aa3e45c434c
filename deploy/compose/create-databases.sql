-- One database per service (ARCHITECTURE.md); each service migrates its own schema with Flyway.
CREATE DATABASE content;
CREATE DATABASE sessions;
CREATE DATABASE reminders;
