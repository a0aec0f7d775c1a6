"""Tiny ONNX models for the AI_SPOOF_MODEL tests (not detectors: they only exercise the plumbing).

  loudness-2class.onnx   waveform [1, N] -> logits [1, 2]: [100 * mean|x| - 1, 0] (class 0 = "spoof": loud audio)
  fixed-16000.onnx       the same with a fixed input length of 16000 samples
  two-inputs.onnx        two inputs: not a waveform model (refused at load)

Run with the `onnx` package (pip install onnx==1.17.0) from this folder: python3 make-test-models.py
"""
import onnx
from onnx import TensorProto, helper


def loudness_model(length):
    wave = helper.make_tensor_value_info("waveform", TensorProto.FLOAT, [1, length])
    logits = helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 2])
    nodes = [
        helper.make_node("Abs", ["waveform"], ["magnitude"]),
        helper.make_node("ReduceMean", ["magnitude"], ["level"], axes=[1], keepdims=1),
        helper.make_node("Mul", ["level", "gain"], ["scaled"]),
        helper.make_node("Sub", ["scaled", "one"], ["spoof"]),
        helper.make_node("Mul", ["level", "zero"], ["bona_fide"]),
        helper.make_node("Concat", ["spoof", "bona_fide"], ["logits"], axis=1),
    ]
    constants = [
        helper.make_tensor("gain", TensorProto.FLOAT, [], [100.0]),
        helper.make_tensor("one", TensorProto.FLOAT, [], [1.0]),
        helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0]),
    ]
    graph = helper.make_graph(nodes, "loudness", [wave], [logits], initializer=constants)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8)


def two_inputs_model():
    a = helper.make_tensor_value_info("a", TensorProto.FLOAT, [1, "n"])
    b = helper.make_tensor_value_info("b", TensorProto.FLOAT, [1, "n"])
    out = helper.make_tensor_value_info("sum", TensorProto.FLOAT, [1, "n"])
    graph = helper.make_graph([helper.make_node("Add", ["a", "b"], ["sum"])], "two", [a, b], [out])
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8)


for name, model in [
    ("loudness-2class.onnx", loudness_model("samples")),
    ("fixed-16000.onnx", loudness_model(16000)),
    ("two-inputs.onnx", two_inputs_model()),
]:
    onnx.checker.check_model(model)
    onnx.save(model, name)
