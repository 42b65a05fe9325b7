/**
 * The {@code vigil} command line (picocli inside Quarkus): {@code serve}, {@code demo}, {@code user} and
 * the commands later issues add. The {@code ./vigil} launcher builds the application and runs these;
 * {@code build} and {@code test} belong to the launcher itself.
 */
package dev.vigil.api.cli;
