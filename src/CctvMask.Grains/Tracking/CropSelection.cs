namespace CctvMask.Grains.Tracking;

/// <summary>
/// The first <c>budget</c> crop candidates of a frame by <see cref="CropPriority"/>, chosen with a bounded max-heap whose
/// root is the last one kept: O(candidates × log budget), where picking the oldest again and again was O(candidates ×
/// budget). The storage is kept between frames (it grows only when a frame has more candidates than any before), so a
/// frame allocates nothing. Used by one camera's pipeline under its lock.
/// </summary>
internal sealed class CropSelection
{
    private CropCandidate[] _heap = new CropCandidate[16];
    private int _count;
    private int _budget;
    private bool _sorted;

    /// <summary>Starts a frame that may ask for at most <paramref name="budget"/> crops.</summary>
    public void Reset(int budget)
    {
        // The last frame's tracks may have ended: drop the references so their crops can be collected.
        Array.Clear(_heap, 0, _count);
        _count = 0;
        _budget = Math.Max(0, budget);
        _sorted = false;
    }

    /// <summary>A face that wants a crop: kept if it is among the first <c>budget</c> so far.</summary>
    public void Offer(in CropCandidate candidate)
    {
        if (_sorted) throw new InvalidOperationException("Offer after Chosen: Reset first.");
        if (_count < _budget)
        {
            if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
            int i = _count++;
            // Sift up: a parent is served after its children.
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (!CropPriority.Precedes(_heap[parent], candidate)) break;
                _heap[i] = _heap[parent];
                i = parent;
            }
            _heap[i] = candidate;
        }
        else if (_count > 0 && CropPriority.Precedes(candidate, _heap[0]))
        {
            SiftDown(candidate, _count);
        }
    }

    /// <summary>The kept candidates in <see cref="CropPriority"/> order (valid until the next <see cref="Reset"/>).</summary>
    public ReadOnlySpan<CropCandidate> Chosen()
    {
        if (_sorted) return _heap.AsSpan(0, _count);
        _sorted = true;
        // Heap sort in place: the root (served last) goes to the end, one by one.
        for (int end = _count - 1; end > 0; end--)
        {
            var last = _heap[end];
            _heap[end] = _heap[0];
            SiftDown(last, end);
        }
        return _heap.AsSpan(0, _count);
    }

    // Puts `item` at the root of heap [0, size) and moves it down until its children are served before it.
    private void SiftDown(in CropCandidate item, int size)
    {
        int i = 0;
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && CropPriority.Precedes(_heap[child], _heap[child + 1])) child++;
            if (!CropPriority.Precedes(item, _heap[child])) break;
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = item;
    }
}
