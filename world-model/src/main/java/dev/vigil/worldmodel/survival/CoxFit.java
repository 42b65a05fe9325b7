package dev.vigil.worldmodel.survival;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * The summary of a Cox proportional-hazards fit, as {@code ./vigil survival fit} prints it ({@link #toJson()}).
 *
 * @param terms per covariate, in the order of the data's columns (a {@link java.util.LinkedHashMap})
 * @param logLikelihoodNull log partial likelihood at beta = 0
 * @param logLikelihood log partial likelihood at the estimate
 * @param likelihoodRatioChiSquare 2 (logLikelihood - logLikelihoodNull)
 * @param likelihoodRatioP its p-value against chi-square with as many degrees of freedom as covariates
 * @param concordance Harrell's C of the linear predictor, R's convention (see {@link Concordance})
 * @param n subjects
 * @param events observed events
 * @param ties tie handling
 * @param iterations Newton-Raphson iterations used
 * @param stepHalvings how many of them halved a step that had lowered the log-likelihood
 * @param converged whether the relative change of the log-likelihood fell below the tolerance
 * @param source the data's source (file name)
 */
public record CoxFit(Map<String, CoxTerm> terms, double logLikelihoodNull, double logLikelihood,
        double likelihoodRatioChiSquare, double likelihoodRatioP, double concordance, int n, int events, Ties ties,
        int iterations, int stepHalvings, boolean converged, String source) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public CoxFit {
        terms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(terms));
    }

    /** Indented JSON with the fields above. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Cox fit as JSON", e);
        }
    }
}
