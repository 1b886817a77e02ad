// Stub for javac of net.minecraft.util.math.Vec3d (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/util/math/Vec3d.mapping. Only what modforge's templates use.
package net.minecraft.util.math;

public class Vec3d {
    public final double x = 0, y = 0, z = 0;

    public Vec3d add(Vec3d vec) { throw new UnsupportedOperationException("stub"); }
    public Vec3d multiply(double value) { throw new UnsupportedOperationException("stub"); }
}
