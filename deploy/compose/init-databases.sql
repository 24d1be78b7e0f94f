-- One database per service that keeps its data in PostgreSQL (compose.yaml runs this once).
CREATE DATABASE account;
CREATE DATABASE terminal;
CREATE DATABASE masterdata;
CREATE DATABASE cart;
CREATE DATABASE stock;
