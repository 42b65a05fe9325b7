package dev.vigil.worldmodel.survival;

/**
 * One covariate of a Cox fit.
 *
 * @param coefficient log hazard ratio per unit of the covariate
 * @param standardError from the inverse of the information matrix at the estimate
 * @param z Wald statistic, coefficient / standardError
 * @param p two-sided Wald p-value
 * @param hazardRatio exp(coefficient)
 * @param hazardRatioLower95 exp(coefficient - 1.96 se)
 * @param hazardRatioUpper95 exp(coefficient + 1.96 se)
 */
public record CoxTerm(double coefficient, double standardError, double z, double p, double hazardRatio,
        double hazardRatioLower95, double hazardRatioUpper95) {}
