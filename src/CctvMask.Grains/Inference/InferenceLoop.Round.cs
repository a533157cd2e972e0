using System.Diagnostics;
using CctvMask.Grains.Cameras;
using CctvMask.Video.Frames;

namespace CctvMask.Grains.Inference;

// One round's work after the frames are taken (InferenceLoop.RunRound): phase 1 per chunk with the trackers' crop
// requests, the deferred crops of skipped frames, phase 2 once, and the hand-over of every frame exactly once.
public sealed partial class InferenceLoop
{
    private void Infer(int n, int back, DateTimeOffset now)
    {
        long started = Stopwatch.GetTimestamp(), detecting = 0;
        try
        {
            int chunk = _options.PhaseOneFramesPerCall is 0 ? Math.Max(1, n) : Math.Min(_options.PhaseOneFramesPerCall, Math.Max(1, n)), total = 0;
            _requests.Clear();
            _phaseTwo.Clear();
            _stills.BeginRound();
            for (int first = 0; first < n; first += chunk)
            {
                int m = Math.Min(chunk, n - first);
                long callStarted = Stopwatch.GetTimestamp();
                int found = _models.DetectFaces(_views.AsSpan(first, m), _smallFace.AsSpan(first, m), _faces.AsSpan(total), _counts.AsSpan(first, m));
                detecting += Stopwatch.GetTimestamp() - callStarted;
                for (int i = first, offset = total; i < first + m; offset += _counts[i], i++)
                {
                    if (_stills.Holds(i)) _stills.Stage(i, _faces.AsSpan(offset, _counts[i]), _models);
                    else _roundFeeds[i]!.Pipeline.Track(_faces.AsSpan(offset, _counts[i]), _views[i].Width, _views[i].Height, now, _models, i,
                        _requests, _options.MaxCropsPerFrame);
                }
                total += found;
                _phaseTwo.CropRequests(_views, _requests);
            }
            for (int i = back; i < _roundFeeds.Length; i++)
            {
                var feed = _roundFeeds[i]!;
                feed.Pipeline.RequestUnjudged(i, feed.UnjudgedFrom, _models, now, _options.MaxCropsPerFrame, _requests);
            }
            _phaseTwo.CropRequests(_views, _requests);
            int crops = _phaseTwo.RecordJudgements(_requests, _pipelineOf, now);
            crops += _stills.Judge(_views, _phaseTwo);
            long judged = Stopwatch.GetTimestamp();
            // Phase 2's time includes the crops taken between the phase-1 calls.
            double detectSeconds = Stopwatch.GetElapsedTime(0, detecting).TotalSeconds;
            _metrics.RecordRound(n, total, crops, detectSeconds, Stopwatch.GetElapsedTime(started, judged).TotalSeconds - detectSeconds);
            HandOver(n, back, now);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            InferenceLog.RoundFailed(_logger, ex, n + _roundFeeds.Length - back);
            for (int i = 0; i < _roundFeeds.Length; i++)
            {
                if (_roundFeeds[i] is { } feed) feed.CountFailed(ex);
                _stills.Fail(i, ex);
            }
        }
        finally
        {
            // Whatever was not handed over is released here, exactly once; uploaded pixels stay their caller's.
            for (int i = 0; i < _roundFeeds.Length; i++)
            {
                _stills.Clear(i);
                _roundFrames[i]?.Dispose();
                _roundFrames[i] = null;
                _roundFeeds[i] = null;
                _views[i] = default;
            }
        }
    }

    private void HandOver(int n, int back, DateTimeOffset now)
    {
        for (int i = 0; i < n; i++)
        {
            if (_stills.Holds(i))
            {
                _stills.Complete(i);
                continue;
            }
            var feed = _roundFeeds[i]!;
            var frame = _roundFrames[i]!;
            _roundFrames[i] = null;
            var decodedAt = frame.ReceivedAt;
            try
            {
                feed.Pipeline.Complete(frame, _time.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Fail(feed, ex);
                continue;
            }
            var done = _time.GetUtcNow();
            feed.CountAnalysed(done);
            _metrics.RecordAnalysed(done - decodedAt, feed.CameraId);
        }
        for (int i = back; i < _roundFeeds.Length; i++)
        {
            var frame = _roundFrames[i]!;
            _roundFrames[i] = null;
            HandOverSkipped(_roundFeeds[i]!, frame, now);
        }
    }

    // The pipeline owns a skipped frame from here (it may refresh the live view, then disposes it).
    private void HandOverSkipped(CameraFeed feed, PooledFrame frame, DateTimeOffset now)
    {
        _metrics.RecordSkipped(feed.CameraId);
        feed.CountSkipped(now);
        try { feed.Pipeline.Skip(frame, now); }
        catch (Exception ex) when (ex is not OutOfMemoryException) { Fail(feed, ex); }
    }

    private void Fail(CameraFeed feed, Exception ex)
    {
        // One bad frame must not stop the camera nor the loop.
        feed.CountFailed(ex);
        CameraLog.InferenceFailed(_logger, feed.CameraId, ex);
    }
}
