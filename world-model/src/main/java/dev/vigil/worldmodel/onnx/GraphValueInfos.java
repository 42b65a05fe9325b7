package dev.vigil.worldmodel.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.List;

/**
 * Rewrites the inputs and outputs of a graph built by tribuo-util-onnx (whose placeholders are 2-D) to the
 * world-model contract's float tensors of any rank, free dimensions named {@code batch}.
 */
public final class GraphValueInfos {

    private GraphValueInfos() {}

    /** The graph with its inputs and outputs replaced by the given specifications (same names). */
    public static OnnxMl.GraphProto withShapes(OnnxMl.GraphProto graph, List<TensorSpec> inputs,
            List<TensorSpec> outputs) {
        OnnxMl.GraphProto.Builder builder = graph.toBuilder().clearInput().clearOutput();
        inputs.forEach(spec -> builder.addInput(valueInfo(spec)));
        outputs.forEach(spec -> builder.addOutput(valueInfo(spec)));
        return builder.build();
    }

    static OnnxMl.ValueInfoProto valueInfo(TensorSpec spec) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (long d : spec.shape()) {
            shape.addDim(d < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch").build()
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d).build());
        }
        OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return OnnxMl.ValueInfoProto.newBuilder().setName(spec.name()).setType(type).build();
    }
}
