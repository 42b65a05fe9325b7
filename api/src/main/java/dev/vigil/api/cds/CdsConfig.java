package dev.vigil.api.cds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** CDS Hooks settings ({@code vigil.cds.*}); docs/bedside.md lists them. */
@ConfigMapping(prefix = "vigil.cds")
public interface CdsConfig {

    /**
     * The EHRs allowed to call, by a short name of the site's choosing: {@code vigil.cds.issuers.<name>.issuer},
     * and either {@code .jwks-url} or {@code .public-key} (PEM, RSA or EC).
     */
    Map<String, Issuer> issuers();

    /**
     * The base URL of the CDS services as the EHR calls them (e.g. {@code https://vigil.example.org}); the JWT's
     * {@code aud} must be this plus {@code /cds-services/<id>}. Empty: the URL the request arrived at.
     */
    Optional<String> serviceBaseUrl();

    /** Where card links point: the base URL of the Vigil UI. Empty: the service's own base URL. */
    Optional<String> uiBaseUrl();

    /** {@code absolute} (default) or {@code smart} (a SMART app launch with appContext {@code patient=<id>}). */
    @WithDefault("absolute")
    String linkType();

    /** How far clocks may disagree when checking {@code exp} and {@code iat}, in seconds. */
    @WithDefault("60")
    long clockSkewSeconds();

    /** One allowed issuer. */
    interface Issuer {

        /** The {@code iss} claim, exactly. */
        String issuer();

        /** The issuer's JWK Set URL. */
        Optional<String> jwksUrl();

        /** Or a static public key, PEM ({@code -----BEGIN PUBLIC KEY-----}), RSA or EC. */
        Optional<String> publicKey();
    }
}
