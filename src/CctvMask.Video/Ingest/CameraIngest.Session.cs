using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Security;
using CctvMask.Video.Watchdog;

namespace CctvMask.Video.Ingest;

// One ffmpeg session of the supervisor: start, pump frames, watch, decide how it ends.
public sealed partial class CameraIngest
{
    /// <summary>
    /// Runs one ffmpeg session. Returns true when a finite source ended, false when the session
    /// streamed and then needs a restart; throws <see cref="IngestSessionException"/> when it failed
    /// without streaming (the reconnect pipeline then backs off).
    /// </summary>
    private async ValueTask<bool> RunSessionAsync(CancellationToken ct)
    {
        if (!BeginSessionMode(out bool keyFrames)) SetState(CameraState.Connecting, Status.Reason);
        FfmpegFrameSource source;
        try
        {
            source = await FfmpegFrameSource.OpenAsync(_source, _options, _logger, _frameSize, _pool, _stderr, _time, keyFrames, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var reason = UrlScrubber.Scrub(e.Message);
            IngestLog.SessionFailed(_logger, CameraId, reason);
            CountRestart(immediate: false);
            throw new IngestSessionException(reason, e);
        }

        await using (source.ConfigureAwait(false))
        {
            var startedAt = _time.GetUtcNow();
            lock (_gate)
            {
                _frameSize = source.FrameSize;
                _pool ??= source.BufferPool;
                _sessionLastFrameAt = null;
            }
            _sessionKeyFrames = keyFrames;

            using var sessionCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var pump = Task.Run(() => PumpAsync(source, sessionCts.Token), CancellationToken.None);
            WatchdogAction action;
            try
            {
                action = await WatchAsync(source, pump, startedAt, keyFrames, ct).ConfigureAwait(false);
                if (action.Reason is RestartReason.Stalled or RestartReason.NoFirstFrame)
                    SetState(CameraState.Stalled, action.Detail);
            }
            finally
            {
                // Whatever ends the session (restart, completion, stop), the reader is finished before
                // the process is disposed, so no read runs against a disposed pipe.
                if (!pump.IsCompleted) source.Process.Kill();
                await sessionCts.CancelAsync().ConfigureAwait(false);
                try { await pump.ConfigureAwait(false); }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { /* pipe closed under the reader */ }
            }

            if (action.Kind == WatchdogActionKind.Complete)
            {
                IngestLog.Completed(_logger, CameraId, action.Detail, Interlocked.Read(ref _framesIn));
                return true;
            }

            if (action.Reason == RestartReason.DecodeModeChanged)
            {
                IngestLog.DecodeMode(_logger, CameraId, action.Detail);
                _modeSwitch = true;
                return false;
            }

            var lastLine = source.Stderr.LastLine();
            var reason = lastLine is null ? action.Detail : $"{action.Detail}: {lastLine}";
            source.Stderr.LogTail(reason);
            IngestLog.Restarting(_logger, CameraId, reason);

            bool streamed;
            lock (_gate) streamed = _sessionLastFrameAt is not null;
            if (!streamed)
            {
                // Never streamed: a failed connection. The reconnect pipeline spaces these out.
                CountRestart(immediate: false);
                throw new IngestSessionException(reason);
            }

            // It streamed, so the backoff starts afresh and the restart is immediate; the restart
            // budget stops a flapping stream from cycling ffmpeg at full speed.
            CountRestart(immediate: true);
            if (action.BudgetExhausted && _options.BudgetCooldown > TimeSpan.Zero)
                await CooldownAsync(reason, ct).ConfigureAwait(false);
            SetState(CameraState.Connecting, reason);
            return false;
        }
    }

    /// <summary>Ticks the watchdog until it decides something other than None.</summary>
    private async Task<WatchdogAction> WatchAsync(FfmpegFrameSource source, Task pump, DateTimeOffset startedAt, bool keyFrames, CancellationToken ct)
    {
        while (true)
        {
            // Read the signal before checking, so a switch asked in between wakes the wait below.
            var modeChanged = ModeChangedSignal;
            if (!pump.IsCompleted && ModeSwitchDue(keyFrames) is { } change) return change;
            using (var tickCts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var tick = Task.Delay(_options.WatchdogInterval, _time, tickCts.Token);
                await Task.WhenAny(pump, tick, modeChanged).ConfigureAwait(false);
                await tickCts.CancelAsync().ConfigureAwait(false); // release the timer if the pump won
            }
            ct.ThrowIfCancellationRequested();

            var exited = pump.IsCompleted;
            if (exited) await source.Process.WaitForExitAsync(_options.StopTimeout, ct).ConfigureAwait(false);
            DateTimeOffset? lastFrame;
            lock (_gate) lastFrame = _sessionLastFrameAt;
            var snapshot = new WatchdogSnapshot(startedAt, lastFrame, exited, exited ? source.Process.ExitCode : null,
                _source.IsFinite, RestartTimes(), ExpectedFrameInterval(keyFrames));
            var action = _policy.Evaluate(snapshot, _time.GetUtcNow());
            if (action.Kind == WatchdogActionKind.Late && keyFrames) RefuseKeyFrames(action.Detail);
            else if (action.Kind == WatchdogActionKind.Late) MarkLate(action.Detail);
            else if (action.Kind != WatchdogActionKind.None) return action;
        }
    }

    // With key frames only, frames come once per GOP: the watchdog expects at least IngestOptions.KeyFrameInterval (up to
    // LateFrameIntervals × that is tolerated, then key frames are refused for good and every frame is decoded).
    private TimeSpan ExpectedFrameInterval(bool keyFrames)
    {
        var interval = _source.DetectFps is { } fps ? TimeSpan.FromSeconds(1 / fps) : TimeSpan.Zero;
        return keyFrames && interval < _options.KeyFrameInterval ? _options.KeyFrameInterval : interval;
    }

    /// <summary>A streaming session whose frames are overdue shows as stalled; the next frame makes it streaming again.</summary>
    private void MarkLate(string detail)
    {
        bool streaming;
        lock (_gate) streaming = _state == CameraState.Streaming;
        if (!streaming) return;
        IngestLog.FramesOverdue(_logger, CameraId, detail);
        SetState(CameraState.Stalled, detail);
    }

    /// <summary>Reads frames from ffmpeg into the channel; never blocks on the consumer.</summary>
    private async Task PumpAsync(FfmpegFrameSource source, CancellationToken ct)
    {
        while (await source.ReadFrameAsync(ct).ConfigureAwait(false) is { } frame)
        {
            var now = _time.GetUtcNow();
            frame.Sequence = Interlocked.Increment(ref _sequence) - 1;
            frame.ReceivedAt = now;
            bool becameStreaming;
            int restarts;
            lock (_gate)
            {
                _framesIn++;
                _lastFrameAt = now;
                _sessionLastFrameAt = now;
                _fps.Record(now);
                becameStreaming = _state != CameraState.Streaming;
                if (becameStreaming)
                {
                    _state = CameraState.Streaming;
                    _reason = null;
                    _stateSince = now;
                    _nextAttemptAt = null;
                }
                restarts = _restarts;
            }
            _metrics?.FrameDecoded(CameraId);
            if (becameStreaming)
            {
                IngestLog.Streaming(_logger, CameraId, source.FrameSize.Width, source.FrameSize.Height, restarts);
                RaiseStateChanged();
            }
            // DropOldest: always succeeds while open; the evicted frame goes to OnFrameDropped.
            if (!_channel.Writer.TryWrite(frame)) frame.Dispose();
            else FrameArrived?.Invoke();
        }
    }

    /// <summary>Counts a restart; immediate ones (after a session that streamed) also count against the budget.</summary>
    private void CountRestart(bool immediate)
    {
        var now = _time.GetUtcNow();
        _metrics?.Restarted(CameraId);
        lock (_gate)
        {
            _restarts++;
            if (!immediate) return;
            _restartTimes.Add(now);
            _restartTimes.RemoveAll(t => now - t >= _options.RestartBudgetWindow);
        }
    }

    /// <summary>The restart budget is used up: wait the cooldown (in Backoff state) before the next start.</summary>
    private async Task CooldownAsync(string reason, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var inWindow = _policy.RestartsInWindow(RestartTimes(), now);
        IngestLog.BudgetExhausted(_logger, CameraId, inWindow, _options.RestartBudgetWindow, _options.BudgetCooldown);
        SetState(CameraState.Backoff,
            $"restart budget exhausted ({inWindow} restarts in {_options.RestartBudgetWindow.TotalSeconds:0} s): {reason}",
            now + _options.BudgetCooldown);
        await Task.Delay(_options.BudgetCooldown, _time, ct).ConfigureAwait(false);
    }

    private DateTimeOffset[] RestartTimes()
    {
        lock (_gate) return [.. _restartTimes];
    }
}
