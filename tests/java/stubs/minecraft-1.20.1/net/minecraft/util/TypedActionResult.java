// Stub for javac of net.minecraft.util.TypedActionResult (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/util/TypedActionResult.mapping. Only what modforge's templates use.
package net.minecraft.util;

public class TypedActionResult<T> {
    public static <T> TypedActionResult<T> success(T data, boolean swingHand) { throw new UnsupportedOperationException("stub"); }
}
