package dev.vigil.api.cds;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * ES256 (SHA256withECDSA, P-256) verification time of the JDK's provider against Bouncy Castle's, alternating in one
 * process, per round (docs/benchmarks.md): {@code java -cp <api test classpath> dev.vigil.api.cds.SignatureBenchmark
 * [rounds] [verifies]}.
 */
public final class SignatureBenchmark {

    private SignatureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int verifies = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] message = new byte[300];
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Provider bouncyCastle = new BouncyCastleProvider();
        for (int round = 1; round <= rounds; round++) {
            for (Provider provider : new Provider[] {null, bouncyCastle}) {
                long start = System.nanoTime();
                for (int i = 0; i < verifies; i++) {
                    Signature verifier = provider == null ? Signature.getInstance("SHA256withECDSA")
                            : Signature.getInstance("SHA256withECDSA", provider);
                    verifier.initVerify(keys.getPublic());
                    verifier.update(message);
                    if (!verifier.verify(signature)) {
                        throw new IllegalStateException("a valid signature did not verify");
                    }
                }
                System.out.printf(Locale.ROOT, "round %d %s: %.3f ms per verify%n", round,
                        provider == null ? "JDK" : "Bouncy Castle", (System.nanoTime() - start) / 1e6 / verifies);
            }
        }
    }
}
