#include "compiler/base/build_id.h"

#include <elf.h>
#include <link.h>

#include <cstring>

namespace charter {
namespace {

int CollectBuildIds(dl_phdr_info* info, size_t, void* data) {
  static const char kDigits[] = "0123456789abcdef";
  auto& ids = *static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
    const char* end = at + header.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(at);
      const char* name = at + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3u);
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        ids += info->dlpi_name;
        ids += ' ';
        for (size_t k = 0; k < note->n_descsz; ++k) {
          auto byte = static_cast<unsigned char>(desc[k]);
          ids += kDigits[byte >> 4];
          ids += kDigits[byte & 15];
        }
        ids += '\n';
      }
      at = desc + ((note->n_descsz + 3) & ~3u);
    }
  }
  return 0;
}

}  // namespace

std::string LoadedBuildIds() {
  std::string ids;
  dl_iterate_phdr(CollectBuildIds, &ids);
  return ids;
}

}  // namespace charter
