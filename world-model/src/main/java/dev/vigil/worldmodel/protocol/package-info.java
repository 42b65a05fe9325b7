/**
 * The TACE protocol space of MeWM (docs/tace-protocols.md): the 14-term vocabulary of drugs and embolic
 * agents ({@link dev.vigil.worldmodel.protocol.TaceComponent}), protocols as sets of components
 * ({@link dev.vigil.worldmodel.protocol.TaceProtocol}, parsed from text such as
 * {@code "Epirubicin; Lipiodol; Gelatin Sponge"}, encoded as a 14-length multi-hot vector), and the rules
 * that make a protocol valid ({@link dev.vigil.worldmodel.protocol.ProtocolSpace}: 180 valid protocols).
 * Plain Java: the world model conditions on the encoding, the planner searches the valid protocols.
 */
package dev.vigil.worldmodel.protocol;
