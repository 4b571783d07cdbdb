using ReuseDetect.Internal;

namespace ReuseDetect.Tests.Internal;

public sealed class ArenaTests
{
    [Fact]
    public void Should_keep_segments_valid_when_the_block_grows_and_reuse_it_after_clear()
    {
        // Given an arena with a small block, and a segment kept in it
        var arena = new Arena<int>(4);
        arena.Room(3)[..2].Fill(7);
        ArraySegment<int> first = arena.Keep(2);
        // When more room is asked for than the block has left
        Span<int> room = arena.Room(5);
        room.Fill(9);
        ArraySegment<int> second = arena.Keep(5);
        // Then both segments hold what was written
        Assert.Equal([7, 7], first);
        Assert.Equal([9, 9, 9, 9, 9], second);
        // And after Clear the grown block is used from its start again
        arena.Clear();
        arena.Room(1)[0] = 1;
        Assert.Same(second.Array, arena.Keep(1).Array);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.Keep(second.Array!.Length));
    }
}
