// Stub for javac of net.minecraft.util.hit.HitResult (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/util/hit/HitResult.mapping. Only what modforge's templates use.
package net.minecraft.util.hit;

import net.minecraft.util.math.Vec3d;

public abstract class HitResult {
    public Vec3d getPos() { throw new UnsupportedOperationException("stub"); }
}
