using CctvMask.Video.Sources;
using CctvMask.Video.Watchdog;

namespace CctvMask.Video.Ingest;

// Key frames only while the consumer says the scene is still. A full decode of a 1366×768 30 fps stream was most of what
// a camera that sees nothing costs; ffmpeg cannot change -skip_frame on the fly, so a switch restarts it (not counted as
// a restart; the state stays Streaming). Network sources only: restarting a file or a device starts it over.
public sealed partial class CameraIngest
{
    private volatile bool _wantKeyFrames;
    private volatile bool _keyFramesRefused;
    private volatile bool _sessionKeyFrames;
    private bool _modeSwitch; // the last session ended to switch modes (supervisor thread only)
    private TaskCompletionSource _modeChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while the running ffmpeg session decodes key frames only.</summary>
    public bool DecodesKeyFramesOnly => _sessionKeyFrames;

    /// <summary>
    /// Asks for key-frame-only decoding (a still scene) or every frame (something moved). A change restarts ffmpeg at
    /// once with the other arguments. Ignored for files and devices, and (on) once key frames came too seldom for the
    /// watchdog. Cheap when nothing changes: callers may call it per frame.
    /// </summary>
    public void DecodeKeyFramesOnly(bool on)
    {
        if (on && (_keyFramesRefused || _source.Kind is SourceKind.File or SourceKind.Device)) return;
        if (_wantKeyFrames == on) return;
        _wantKeyFrames = on;
        Interlocked.Exchange(ref _modeChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    // The session to start next decodes what was last asked; a session started for a mode switch keeps the state Streaming.
    private bool BeginSessionMode(out bool keyFrames)
    {
        keyFrames = _wantKeyFrames;
        _sessionKeyFrames = false;
        bool quiet = _modeSwitch;
        _modeSwitch = false;
        return quiet;
    }

    private Task ModeChangedSignal => Volatile.Read(ref _modeChanged).Task;

    private WatchdogAction? ModeSwitchDue(bool sessionKeyFrames) =>
        _wantKeyFrames != sessionKeyFrames
            ? WatchdogAction.Restart(RestartReason.DecodeModeChanged, _wantKeyFrames ? "key frames only" : "every frame", budgetExhausted: false)
            : null;

    // A key-frame session whose frames are overdue: this stream's key frames are too far apart (or absent, e.g. intra refresh).
    private void RefuseKeyFrames(string detail)
    {
        _keyFramesRefused = true;
        _wantKeyFrames = false;
        IngestLog.KeyFramesRefused(_logger, CameraId, detail);
    }
}
