// Writing the mod's Java class.
#include "java_source.hpp"

#include <cstdio>

#include "../common/text_rules.hpp"
#include "../common/utf8.hpp"

namespace modforge
{
  namespace
  {
    // How each kind is built in Minecraft 1.20.1 (yarn names), and where it is listed.
    struct java_item
    {
      const char* kind;
      const char* imports;   // import lines beyond Item and ItemGroups
      const char* construct; // the expression that makes the item
      const char* group;     // an ItemGroups constant
    };

    const java_item java_items[] = {
      {"sword", "import net.minecraft.item.SwordItem;\nimport net.minecraft.item.ToolMaterials;\n",
       "new SwordItem(ToolMaterials.IRON, 3, -2.4f, new Item.Settings())", "COMBAT"},
      {"pickaxe", "import net.minecraft.item.PickaxeItem;\nimport net.minecraft.item.ToolMaterials;\n",
       "new PickaxeItem(ToolMaterials.IRON, 1, -2.8f, new Item.Settings())", "TOOLS"},
      {"axe", "import net.minecraft.item.AxeItem;\nimport net.minecraft.item.ToolMaterials;\n",
       "new AxeItem(ToolMaterials.IRON, 6.0f, -3.1f, new Item.Settings())", "TOOLS"},
      {"shovel", "import net.minecraft.item.ShovelItem;\nimport net.minecraft.item.ToolMaterials;\n",
       "new ShovelItem(ToolMaterials.IRON, 1.5f, -3.0f, new Item.Settings())", "TOOLS"},
      {"hoe", "import net.minecraft.item.HoeItem;\nimport net.minecraft.item.ToolMaterials;\n",
       "new HoeItem(ToolMaterials.IRON, -2, -1.0f, new Item.Settings())", "TOOLS"},
      {"bow", "import net.minecraft.item.BowItem;\n",
       "new BowItem(new Item.Settings().maxDamage(384))", "COMBAT"},
      {"food", "import net.minecraft.item.FoodComponent;\n",
       "new Item(new Item.Settings().food(\n"
       "            new FoodComponent.Builder().hunger(6).saturationModifier(0.6f).build()))",
       "FOOD_AND_DRINK"},
      {"gem", "", "new Item(new Item.Settings())", "INGREDIENTS"},
      {"ingot", "", "new Item(new Item.Settings())", "INGREDIENTS"},
      {"wand", "", "new Item(new Item.Settings().maxCount(1))", "TOOLS"},
      {"generic", "", "new Item(new Item.Settings())", "INGREDIENTS"}};

    const char* const java_keywords[] = {
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
      "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
      "interface", "long", "native", "new", "package", "private", "protected", "public",
      "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
      "null"};

    const java_item& item_for (const std::string& kind)
    {
      for (const java_item& i: java_items)
        if (kind == i.kind)
          return i;
      return java_items[sizeof (java_items) / sizeof (java_items[0]) - 1];
    }

    void append_escape (std::string& out, const char* format, unsigned value)
    {
      char buf[16];
      std::snprintf (buf, sizeof (buf), format, value);
      out += buf;
    }

    // One character (code point) of a literal.
    void append_java_char (std::string& out, unsigned cp)
    {
      if (cp == '"' || cp == '\\')
        out += '\\', out += static_cast<char> (cp);
      else if (is_ascii_control (cp))
        append_escape (out, "\\%03o", cp);
      else if (cp < 0x80)
        out += static_cast<char> (cp);
      else if (cp < 0x10000)
        append_escape (out, "\\u%04x", cp);
      else
      {
        cp -= 0x10000;
        append_escape (out, "\\u%04x", 0xd800 + (cp >> 10));
        append_escape (out, "\\u%04x", 0xdc00 + (cp & 0x3ff));
      }
    }
  }

  std::string java_string_literal (const std::string& text)
  {
    std::string r ("\"");
    for_each_code_point (text, '?', [&r] (unsigned cp) {append_java_char (r, cp);});
    return r + "\"";
  }

  std::string java_package (const std::string& mod_id)
  {
    std::string name;
    for (char c: mod_id)
      if (c != '-')
        name += c;
    for (const char* k: java_keywords)
      if (name == k)
        name += '_';
    return "net.modforge." + name;
  }

  std::string java_class_name (const std::string& mod_id)
  {
    std::string name;
    bool start (true);
    for (char c: mod_id)
    {
      if (c == '_' || c == '-')
        start = true;
      else
      {
        name += start && c >= 'a' && c <= 'z' ? static_cast<char> (c - 'a' + 'A') : c;
        start = false;
      }
    }
    return name + "Mod";
  }

  std::string java_main_class (const std::string& mod_id)
  {
    return java_package (mod_id) + "." + java_class_name (mod_id);
  }

  std::string java_mod_source (const decisions& d)
  {
    const java_item& item (item_for (d.kind));
    return
      "package " + java_package (d.mod_id) + ";\n"
      "\n"
      "import net.fabricmc.api.ModInitializer;\n"
      "import net.fabricmc.fabric.api.itemgroup.v1.ItemGroupEvents;\n"
      "import net.minecraft.item.Item;\n"
      "import net.minecraft.item.ItemGroups;\n" +
      item.imports +
      "import net.minecraft.registry.Registries;\n"
      "import net.minecraft.registry.Registry;\n"
      "import net.minecraft.util.Identifier;\n"
      "import org.slf4j.Logger;\n"
      "import org.slf4j.LoggerFactory;\n"
      "\n"
      "// Generated by modforge: registers the mod's one item and lists it in a creative tab.\n"
      "public class " + java_class_name (d.mod_id) + " implements ModInitializer {\n"
      "    public static final String MOD_ID = " + java_string_literal (d.mod_id) + ";\n"
      "    public static final String ITEM_NAME = " + java_string_literal (d.item_name) + ";\n"
      "    public static final Logger LOGGER = LoggerFactory.getLogger(MOD_ID);\n"
      "\n"
      "    public static final Item ITEM = " + item.construct + ";\n"
      "\n"
      "    @Override\n"
      "    public void onInitialize() {\n"
      "        Registry.register(Registries.ITEM, new Identifier(MOD_ID, " +
      java_string_literal (d.mod_id) + "), ITEM);\n"
      "        ItemGroupEvents.modifyEntriesEvent(ItemGroups." + item.group +
      ").register(entries -> entries.add(ITEM));\n"
      "        LOGGER.info(\"Registered \" + ITEM_NAME);\n"
      "    }\n"
      "}\n";
  }
}
