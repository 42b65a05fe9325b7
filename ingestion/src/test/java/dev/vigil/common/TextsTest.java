package dev.vigil.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void cutsLongTextToTheLimitWithAnEllipsis() {
        assertThat(Texts.truncate("abcdef", 4)).isEqualTo("abc…").hasSize(4);
        assertThat(Texts.truncate("abcd", 4)).isEqualTo("abcd");
        assertThat(Texts.truncate(null, 4)).isNull();
        assertThatThrownBy(() -> Texts.truncate("a", 0)).hasMessageContaining("at least 1");
    }
}
