// Collections run one at a time: several stream real cameras (ffmpeg + ONNX inference in a server or two),
// and side by side on a 2-core CI machine they starve each other's pipelines. In-process servers no longer
// share a logger or metric streams (see TwoServersInOneProcessTests), so this is about load, not state.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
