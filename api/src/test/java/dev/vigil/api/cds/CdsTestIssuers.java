package dev.vigil.api.cds;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two EHR issuers for the CDS Hooks tests, with keys generated at start: {@value #JWKS_ISSUER} signs with an EC
 * P-256 key whose JWK Set is served over real HTTP, {@value #PEM_ISSUER} with an RSA 2048 key configured as a static
 * PEM public key. Applies to every test of the module (one application boot; the issuers change nothing else).
 */
public class CdsTestIssuers implements QuarkusTestResourceLifecycleManager {

    public static final String JWKS_ISSUER = "https://ehr-jwks.test.example";
    public static final String PEM_ISSUER = "https://ehr-pem.test.example";

    static volatile ECKey ecKey;
    static volatile KeyPair rsaKeys;
    static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            ecKey = new ECKeyGenerator(Curve.P_256).keyID("ehr-ec-1").generate();
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            rsaKeys = rsa.generateKeyPair();
            byte[] jwks = new JWKSet(ecKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                JWKS_REQUESTS.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(rsaKeys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----";
            return Map.of(
                    "vigil.cds.issuers.jwks-ehr.issuer", JWKS_ISSUER,
                    "vigil.cds.issuers.jwks-ehr.jwks-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json",
                    "vigil.cds.issuers.pem-ehr.issuer", PEM_ISSUER,
                    "vigil.cds.issuers.pem-ehr.public-key", pem);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up the test issuers", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Claims as a CDS client sends them: iss, sub, aud, iat now, exp in 4 minutes, a new jti. */
    public static JWTClaimsSet.Builder claims(String issuer, String audience) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("ehr-client").audience(audience).issueTime(now)
                .expirationTime(new Date(now.getTime() + 240_000)).jwtID(UUID.randomUUID().toString());
    }

    /** ES256 with the JWKS issuer's key. */
    public static String es256(JWTClaimsSet claims) {
        try {
            return sign(new ECDSASigner(ecKey), JWSAlgorithm.ES256, "ehr-ec-1", claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS384 with the PEM issuer's key. */
    public static String rs384(JWTClaimsSet claims) {
        return sign(new RSASSASigner((RSAPrivateKey) rsaKeys.getPrivate()), JWSAlgorithm.RS384, null, claims);
    }

    /** HS256 with a shared secret: must be refused whatever the secret. */
    public static String hs256(JWTClaimsSet claims) {
        try {
            return sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                    JWSAlgorithm.HS256, null, claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** ES256 by a key nobody trusts. */
    public static String es256ByStranger(JWTClaimsSet claims) {
        try {
            return sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).keyID("ehr-ec-1").generate()),
                    JWSAlgorithm.ES256, "ehr-ec-1", claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid).build(),
                    claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
