package dev.vigil.worldmodel.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;

/**
 * ONNX operators (opset 13) that tribuo-util-onnx's {@code ONNXOperators} lacks, for the world model's graphs.
 * Only the attributes Vigil sets are declared. (Resize is not needed: nearest-neighbour upsampling is a
 * MatMul and a broadcast Add, several times faster in ONNX Runtime than its 5-D Resize.)
 */
public enum OnnxOperator implements org.tribuo.util.onnx.ONNXOperator {
    /** 3-D (or N-D) convolution: X, W, optional B. */
    CONV("Conv", 2, 1, attribute("kernel_shape", AttributeType.INTS), attribute("strides", AttributeType.INTS),
            attribute("pads", AttributeType.INTS), attribute("dilations", AttributeType.INTS),
            attribute("group", AttributeType.INT)),
    /** max(x, 0). */
    RELU("Relu", 1, 0),
    /** Reshape: data, shape (int64). */
    RESHAPE("Reshape", 2, 0),
    /** Matrix product. */
    MATMUL("MatMul", 2, 0),
    /** Clip: input, optional min and max scalars. */
    CLIP("Clip", 1, 2),
    /** Logistic sigmoid. */
    SIGMOID("Sigmoid", 1, 0);

    private final String opName;
    private final int inputs;
    private final int optionalInputs;
    private final Map<String, ONNXAttribute> attributes;

    OnnxOperator(String opName, int inputs, int optionalInputs, ONNXAttribute... attributes) {
        this.opName = opName;
        this.inputs = inputs;
        this.optionalInputs = optionalInputs;
        Map<String, ONNXAttribute> map = new LinkedHashMap<>();
        for (ONNXAttribute attribute : attributes) {
            map.put(attribute.getName(), attribute);
        }
        this.attributes = Collections.unmodifiableMap(map);
    }

    private static ONNXAttribute attribute(String name, AttributeType type) {
        return new ONNXAttribute(name, type, false);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return optionalInputs;
    }

    @Override
    public int getNumOutputs() {
        return 1;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return Set.of();
    }

    @Override
    public int getOpVersion() {
        return 13;
    }

    @Override
    public String getOpDomain() {
        return org.tribuo.util.onnx.ONNXOperators.ADD.getOpDomain();
    }
}
