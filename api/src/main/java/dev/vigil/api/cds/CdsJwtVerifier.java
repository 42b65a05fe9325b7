package dev.vigil.api.cds;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the bearer JWT of a CDS Hooks call (CDS Hooks 2.0, "Trusting CDS Clients"): signed with an asymmetric
 * algorithm (RSA, RSA-PSS or ECDSA; HMAC and {@code none} are refused, a shared secret would let anyone holding it
 * speak for the EHR), by an issuer on the allow-list with its JWKS URL or static public key, {@code aud} = the
 * service's URL, {@code exp} at most five minutes ahead, {@code iat} not in the future, and a {@code jti} not seen
 * before (replays are refused until the token expires).
 */
@ApplicationScoped
public class CdsJwtVerifier {

    /** The algorithms accepted: asymmetric only. */
    public static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    @Inject
    CdsConfig config;

    Clock clock = Clock.systemUTC();

    private final Map<String, JWKSource<SecurityContext>> keys = new HashMap<>();
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    @PostConstruct
    void loadIssuers() {
        config.issuers().forEach((name, issuer) -> keys.put(issuer.issuer(), source(name, issuer)));
    }

    /**
     * @param authorization the {@code Authorization} header
     * @param audience the URL of the service called, which {@code aud} must name
     * @throws CdsAuthException saying what is wrong (never echoing the token)
     */
    public CdsCaller verify(String authorization, String audience) throws CdsAuthException {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new CdsAuthException("Send the CDS Hooks JWT as 'Authorization: Bearer <jwt>'");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorization.substring(7).trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new CdsAuthException("The bearer token is not a signed JWT (JWS compact form)");
        }
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!ALLOWED.contains(alg)) {
            throw new CdsAuthException("JWT algorithm " + alg + " is refused: sign with an asymmetric algorithm ("
                    + "RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512)");
        }
        String issuer = claims.getIssuer();
        JWKSource<SecurityContext> source = issuer == null ? null : keys.get(issuer);
        if (source == null) {
            throw new CdsAuthException("JWT issuer '" + issuer + "' is not on this service's allow-list "
                    + "(vigil.cds.issuers)");
        }
        requireTimes(claims);
        try {
            processor(issuer, audience, source).process(jwt, null);
        } catch (BadJOSEException e) {
            throw new CdsAuthException("The JWT was refused: " + e.getMessage());
        } catch (JOSEException e) {
            throw new CdsAuthException("The JWT's signature could not be checked: " + e.getMessage());
        }
        String jti = claims.getJWTID();
        forgetExpired();
        if (seen.putIfAbsent(issuer + " " + jti, claims.getExpirationTime().toInstant()) != null) {
            throw new CdsAuthException("JWT jti " + jti + " was used before: every call needs a new token");
        }
        return new CdsCaller(issuer, claims.getSubject() == null ? "" : claims.getSubject(), jti);
    }

    private void requireTimes(JWTClaimsSet claims) throws CdsAuthException {
        Instant now = clock.instant();
        Duration skew = Duration.ofSeconds(config.clockSkewSeconds());
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null || claims.getJWTID() == null) {
            throw new CdsAuthException("The JWT needs exp, iat and jti claims");
        }
        if (exp.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(skew))) {
            throw new CdsAuthException("The JWT expires more than 5 minutes from now (exp " + exp.toInstant() + ")");
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw new CdsAuthException("The JWT was issued in the future (iat " + iat.toInstant() + ")");
        }
    }

    /**
     * A processor per call: cheap to make, and the audience comes from the request, so caching by it would let
     * callers grow the cache with made-up Host headers. The key sources (with nimbus' JWKS cache) are per issuer.
     */
    private static final CdsSignatureVerifiers VERIFIERS = new CdsSignatureVerifiers();

    private DefaultJWTProcessor<SecurityContext> processor(String issuer, String audience,
            JWKSource<SecurityContext> source) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSVerifierFactory(VERIFIERS);
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED, source));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("iss", "aud", "exp", "iat", "jti"));
        claims.setMaxClockSkew((int) config.clockSkewSeconds());
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    private void forgetExpired() {
        if (seen.size() > 10_000) {
            Instant now = clock.instant().minus(Duration.ofSeconds(config.clockSkewSeconds()));
            seen.values().removeIf(exp -> exp.isBefore(now));
        }
    }

    private static JWKSource<SecurityContext> source(String name, CdsConfig.Issuer issuer) {
        if (issuer.jwksUrl().isPresent() == issuer.publicKey().isPresent()) {
            throw new IllegalStateException("vigil.cds.issuers." + name + " needs either jwks-url or public-key");
        }
        if (issuer.jwksUrl().isPresent()) {
            try {
                return JWKSourceBuilder.create(URI.create(issuer.jwksUrl().get()).toURL()).retrying(false).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("vigil.cds.issuers." + name + ".jwks-url is not a URL: "
                        + e.getMessage());
            }
        }
        return new ImmutableJWKSet<>(new JWKSet(publicKey(name, issuer.publicKey().get())));
    }

    /** A PEM public key (X.509 SubjectPublicKeyInfo), RSA or EC, as a JWK. */
    static JWK publicKey(String name, String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("vigil.cds.issuers." + name + ".public-key is not PEM: " + e.getMessage());
        }
        for (String kind : new String[] {"RSA", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(kind).generatePublic(new X509EncodedKeySpec(der));
                if (key instanceof RSAPublicKey rsa) {
                    return new RSAKey.Builder(rsa).build();
                }
                ECPublicKey ec = (ECPublicKey) key;
                return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
            } catch (GeneralSecurityException e) {
                // try the next kind
            }
        }
        throw new IllegalStateException("vigil.cds.issuers." + name + ".public-key is neither an RSA nor an EC "
                + "public key");
    }
}
