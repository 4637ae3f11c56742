namespace NeuronSim.Ecs;

/// <summary>The non-empty chunks matched by a query; enumerate with <c>foreach</c> (no allocation).</summary>
public readonly struct ChunkEnumerable
{
    private readonly World _world;
    private readonly List<Archetype> _archetypes;

    internal ChunkEnumerable(World world, List<Archetype> archetypes)
    {
        _world = world;
        _archetypes = archetypes;
    }

    /// <summary>Starts the enumeration; structural changes are refused until it is disposed.</summary>
    public Enumerator GetEnumerator() => new(_world, _archetypes);

    /// <summary>Enumerates chunks archetype by archetype.</summary>
    public struct Enumerator : IDisposable
    {
        private readonly World _world;
        private readonly List<Archetype> _archetypes;
        private int _archetype;
        private int _chunk;
        private bool _disposed;

        internal Enumerator(World world, List<Archetype> archetypes)
        {
            _world = world;
            _archetypes = archetypes;
            _archetype = 0;
            _chunk = -1;
            _disposed = false;
            _world.BeginIteration();
        }

        /// <summary>The current chunk.</summary>
        public readonly Chunk Current => _archetypes[_archetype].Chunks[_chunk];

        /// <summary>Moves to the next non-empty chunk.</summary>
        public bool MoveNext()
        {
            while (_archetype < _archetypes.Count)
            {
                if (++_chunk < _archetypes[_archetype].Chunks.Count) return true;
                _archetype++;
                _chunk = -1;
            }
            return false;
        }

        /// <summary>Ends the enumeration.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _world.EndIteration();
        }
    }
}
