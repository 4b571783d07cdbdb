using ReuseDetect.Signatures;

namespace ReuseDetect.Tests.Signatures;

public sealed class SignatureKernelsTests
{
    [Theory]
    [InlineData("scalar", SignatureKernel.Scalar)]
    [InlineData("Scalar", SignatureKernel.Scalar)]
    [InlineData("vector128", SignatureKernel.Vector128)]
    [InlineData(" VECTOR256 ", SignatureKernel.Vector256)]
    [InlineData("Vector512", SignatureKernel.Vector512)]
    // The kernel enum is internal, so a public test method takes it as an object.
    public void Should_parse_forced_kernel_names(string value, object expected) =>
        Assert.Equal((SignatureKernel)expected, SignatureKernels.Choose(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Should_pick_the_best_kernel_when_none_is_forced(string? value) =>
        Assert.Equal(SignatureKernels.Best, SignatureKernels.Choose(value));

    [Theory]
    [InlineData("avx2")]
    [InlineData("vector64")]
    [InlineData("1")]
    [InlineData("scalar,vector256")]
    public void Should_reject_junk(string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SignatureKernels.Choose(value));
        Assert.Contains(SignatureKernels.ForceVariable, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_list_every_kernel_once_starting_with_the_reference()
    {
        Assert.Equal(SignatureKernel.Scalar, SignatureKernels.All[0]);
        Assert.Equal(Enum.GetValues<SignatureKernel>(), SignatureKernels.All.Order());
    }
}
