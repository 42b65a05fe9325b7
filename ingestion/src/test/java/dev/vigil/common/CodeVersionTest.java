package dev.vigil.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class CodeVersionTest {

    @Test
    void labelsACleanBuildWithTheShortCommit() {
        Properties p = new Properties();
        p.setProperty("git.build.version", "0.1.0");
        p.setProperty("git.commit.id.full", "3f2a91c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6");
        p.setProperty("git.dirty", "false");
        assertThat(CodeVersion.fromProperties(p).label()).isEqualTo("0.1.0+3f2a91c");
    }

    @Test
    void marksADirtyBuild() {
        Properties p = new Properties();
        p.setProperty("git.build.version", "0.1.0");
        p.setProperty("git.commit.id.full", "3f2a91c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6");
        p.setProperty("git.dirty", "true");
        assertThat(CodeVersion.fromProperties(p).label()).isEqualTo("0.1.0+3f2a91c.dirty");
    }

    @Test
    void saysUnknownOutsideGit() {
        CodeVersion version = CodeVersion.fromProperties(new Properties());
        assertThat(version.commit()).isEqualTo("unknown");
        assertThat(version.label()).isEqualTo("unknown+unknown");
    }

    @Test
    void theRunningBuildKnowsItsProjectVersion() {
        assertThat(CodeVersion.current().version()).isEqualTo("0.1.0-SNAPSHOT");
    }
}
