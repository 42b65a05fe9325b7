package dev.vigil.common;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void matchesTheFipsTestVectors() {
        assertThat(Sha256.hex("abc".getBytes(UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void recognisesOnlyLowerCaseHexOfTheRightLength() {
        assertThat(Sha256.isHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")).isTrue();
        assertThat(Sha256.isHex("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")).isFalse();
        assertThat(Sha256.isHex("e3b0")).isFalse();
        assertThat(Sha256.isHex(null)).isFalse();
        assertThatThrownBy(() -> Sha256.requireHex("xyz")).hasMessageContaining("'xyz' is not a SHA-256 hash");
    }
}
