package dev.vigil.worldmodel.dynamics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained parameters of a dynamics network, engine-free (plain float arrays), in layout order.
 *
 * @param architecture the network's sizes
 * @param tensors every parameter, in {@link ParameterLayout} order
 */
public record DynamicsWeights(DynamicsArchitecture architecture, List<NamedTensor> tensors) {

    public DynamicsWeights {
        tensors = List.copyOf(tensors);
        List<ParameterLayout.Spec> specs = ParameterLayout.specs(architecture);
        if (specs.size() != tensors.size()) {
            throw new IllegalArgumentException("expected " + specs.size() + " parameters for " + architecture
                    + ", got " + tensors.size());
        }
        for (int i = 0; i < specs.size(); i++) {
            ParameterLayout.Spec spec = specs.get(i);
            NamedTensor tensor = tensors.get(i);
            if (!spec.name().equals(tensor.name()) || !Arrays.equals(spec.shape(), tensor.shape())) {
                throw new IllegalArgumentException("parameter " + i + ": expected " + spec.name() + " "
                        + Arrays.toString(spec.shape()) + ", got " + tensor.name() + " "
                        + Arrays.toString(tensor.shape()));
            }
        }
    }

    /** The parameter of that name. */
    /** Seeded He-normal initial weights (what training starts from), e.g. for speed measurements. */
    public static DynamicsWeights initial(DynamicsArchitecture architecture, long seed) {
        return ParameterLayout.initial(architecture, seed);
    }

    public NamedTensor get(String name) {
        for (NamedTensor tensor : tensors) {
            if (tensor.name().equals(name)) {
                return tensor;
            }
        }
        throw new IllegalArgumentException("no parameter named " + name);
    }

    /** Parameters by name, in layout order. */
    public Map<String, NamedTensor> byName() {
        Map<String, NamedTensor> map = new LinkedHashMap<>();
        tensors.forEach(t -> map.put(t.name(), t));
        return map;
    }
}
