// Stub for javac of net.minecraft.util.hit.BlockHitResult (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/util/hit/BlockHitResult.mapping. Only what modforge's templates use.
package net.minecraft.util.hit;

public class BlockHitResult extends HitResult {
}
