/**
 * The MeWM TACE planner (docs/planner.md): patients ready to plan ({@link dev.vigil.worldmodel.planner.HccCase}),
 * a trained world model as a folder ({@link dev.vigil.worldmodel.planner.WorldModelBundle}: dynamics ONNX plus
 * survival scorer), its training ({@link dev.vigil.worldmodel.planner.WorldModelTrainer}) and the ranking of
 * every valid protocol by predicted risk ({@link dev.vigil.worldmodel.planner.TacePlanner}).
 */
package dev.vigil.worldmodel.planner;
