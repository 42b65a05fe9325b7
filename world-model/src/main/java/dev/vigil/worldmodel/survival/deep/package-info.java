/**
 * DeepSurv (Katzman et al. 2018, BMC Med Res Methodol 18:24): a multilayer perceptron risk score trained with
 * DJL's PyTorch engine on the negative Cox partial log-likelihood (Breslow ties), with L2 weight decay, dropout
 * and early stopping on a validation split. {@link dev.vigil.worldmodel.survival.deep.DeepSurvTrainer#train}
 * returns a {@link dev.vigil.worldmodel.survival.deep.DeepSurvModel} that predicts in plain Java: risk(x) and
 * survival curves from a Breslow baseline hazard.
 */
package dev.vigil.worldmodel.survival.deep;
