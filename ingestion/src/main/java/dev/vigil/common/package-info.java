/**
 * Values every Vigil module shares: the code version an artifact was built by and SHA-256 hashing.
 * Plain Java only: nothing here knows about HTTP, the database or the UI.
 */
package dev.vigil.common;
