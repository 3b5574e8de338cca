using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace SecureMail.TestKit;

/// <summary>A random RSA modulus of any size, odd and without small factors as BouncyCastle wants one, so that building a
/// key from it reaches the expensive part: Miller-Rabin rounds, whose cost grows with the cube of the size.</summary>
public static class OversizedModulus
{
    private static readonly BigInteger SmallPrimes = Enumerable.Range(3, 1000).Where(IsPrime)
        .Aggregate(BigInteger.One, (product, prime) => product.Multiply(BigInteger.ValueOf(prime)));

    public static BigInteger Random(int bits)
    {
        var random = new SecureRandom();
        BigInteger modulus;
        do
            modulus = new BigInteger(bits, random).SetBit(bits - 1).SetBit(0);
        while (!modulus.Gcd(SmallPrimes).Equals(BigInteger.One));
        return modulus;
    }

    private static bool IsPrime(int n) => Enumerable.Range(2, (int)Math.Sqrt(n) - 1).All(d => n % d != 0);
}
