/**
 * Users, roles and authentication. Users and bcrypt password hashes live in the database; the same
 * identities sign in to the web UI (form login, encrypted session cookie) and to the REST API (HTTP
 * Basic). Every endpoint declares the roles it admits.
 */
package dev.vigil.api.security;
