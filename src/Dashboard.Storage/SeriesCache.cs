namespace Dashboard.Storage;

/// <summary>
/// A small least-recently-used map from a series key to its open chunk, so that an append does not re-read the
/// chunk it is filling. It is only a cache: every chunk in it is also stored, and a dropped entry is re-read.
/// Not thread-safe; callers hold their own lock.
/// </summary>
internal sealed class SeriesCache<TValue>
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, TValue>>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyValuePair<string, TValue>> _recency = new();

    public SeriesCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _nodes.Count;

    public bool TryGet(string key, out TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string key, TValue value)
    {
        Remove(key);

        var node = _recency.AddFirst(new KeyValuePair<string, TValue>(key, value));
        _nodes[key] = node;

        if (_nodes.Count > _capacity)
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _nodes.Remove(oldest.Value.Key);
        }
    }

    /// <summary>Removes every entry whose key starts with <paramref name="prefix"/> (ordinal comparison).</summary>
    public void RemoveStartingWith(string prefix)
    {
        foreach (string key in _nodes.Keys.Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            Remove(key);
        }
    }

    public void Remove(string key)
    {
        if (_nodes.Remove(key, out var node))
        {
            _recency.Remove(node);
        }
    }
}
