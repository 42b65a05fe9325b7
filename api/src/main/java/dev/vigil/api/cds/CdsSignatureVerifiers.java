package dev.vigil.api.cds;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import java.security.Key;
import java.security.Provider;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signature verifiers for caller JWTs: ECDSA (ES256/384/512) through Bouncy Castle, whose P-256 arithmetic verifies
 * about five times faster than the JDK 17 provider's (0.2 against 1.0 ms a signature on this machine; docs/benchmarks.md),
 * which under load was the largest single cost of a CDS Hooks call; RSA stays with the JDK, which is fast at it.
 * Bouncy Castle is used as a provider instance, never registered globally.
 */
final class CdsSignatureVerifiers implements JWSVerifierFactory {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final DefaultJWSVerifierFactory jdk = new DefaultJWSVerifierFactory();
    private final DefaultJWSVerifierFactory bouncyCastle = new DefaultJWSVerifierFactory();

    CdsSignatureVerifiers() {
        bouncyCastle.getJCAContext().setProvider(BOUNCY_CASTLE);
    }

    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        return (JWSAlgorithm.Family.EC.contains(header.getAlgorithm()) ? bouncyCastle : jdk)
                .createJWSVerifier(header, key);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return jdk.supportedJWSAlgorithms();
    }

    @Override
    public JCAContext getJCAContext() {
        return jdk.getJCAContext();
    }
}
