/**
 * Neural-network plumbing for offline RL: the one place that knows how Vigil runs DJL's PyTorch engine.
 *
 * <p>Dynamics models, policies and critics are trained here with DJL 0.36 on libtorch 2.7.1, from the
 * jars on the classpath and never from the network. {@link dev.vigil.offlinerl.nn.TorchRuntime} checks
 * that before anything touches an NDArray, so a misconfigured run fails at start-up with a message
 * that says what to fix, instead of trying to download natives or training on wrong gradients.
 */
package dev.vigil.offlinerl.nn;
