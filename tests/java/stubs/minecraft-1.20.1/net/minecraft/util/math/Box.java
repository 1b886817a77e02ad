// Stub for javac of net.minecraft.util.math.Box (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/util/math/Box.mapping. Only what modforge's templates use.
package net.minecraft.util.math;

public class Box {
    public Box expand(double value) { throw new UnsupportedOperationException("stub"); }
}
