# Turns models/<lang>/stopwords.txt, abbreviations.txt, reporting.txt,
# evaluative.txt and nonkey.txt into C data (generated/language_data.c), so the library
# carries its language data and needs no file at run time. '#' starts a
# comment; blank lines are skipped.
#
# Stopwords, abbreviations, reporting words and evaluative adjectives
# become arrays of strings,
# one per entry.
# nonkey.txt (word forms that are never key terms, tens of thousands of
# them) becomes one block of bytes instead, its entries sorted bytewise,
# with an index by the first three bytes (see c_nonkey), which the library
# searches (src/language.c, pcs_language_word_class); being free of
# pointers, the data costs no relocation when the library is loaded.
# Usage: cmake -DMODELS_DIR=... -DOUTPUT=... -P EmbedLanguageData.cmake

cmake_minimum_required(VERSION 3.25)

# The entries of a list file as a CMake list (nonkey.txt holds no ';').
# Whole-list commands, not a loop: appending to a variable copies it, so
# a loop that grows one is quadratic (minutes for the French nonkey list).
function(read_entries path out)
  file(STRINGS "${path}" lines ENCODING UTF-8)
  list(TRANSFORM lines REPLACE "#.*$" "")
  list(TRANSFORM lines STRIP)
  list(FILTER lines EXCLUDE REGEX "^$")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

function(c_entries path out)
  read_entries("${path}" entries)
  set(body "")
  foreach(line IN LISTS entries)
    string(REPLACE "\\" "\\\\" line "${line}")
    string(REPLACE "\"" "\\\"" line "${line}")
    string(APPEND body "    \"${line}\",\n")
  endforeach()
  set(${out} "${body}" PARENT_SCOPE)
endfunction()

# The number of buckets: three digits in base 28 (PCS_WORD_BUCKETS in
# src/language.h); each bucket table has one more entry, the end.
math(EXPR WORD_BUCKETS "28 * 28 * 28")

# Bucket starts (see nonkey.txt below): gives every bucket up to and
# including `bucket` that has no start yet (counted by the variable named
# by `next_var`) the start `index`, appended to the list named by
# `list_var`.
function(bucket_starts list_var next_var bucket index)
  set(list "${${list_var}}")
  set(next ${${next_var}})
  while(next LESS_EQUAL bucket)
    string(APPEND list "${index},")
    math(EXPR next "${next} + 1")
  endwhile()
  set(${list_var} "${list}" PARENT_SCOPE)
  set(${next_var} ${next} PARENT_SCOPE)
endfunction()

# The numbers of the variable named by `var`, ten a line (CMake's regular
# expressions have no {10}).
function(ten_a_line var)
  string(REPEAT "[0-9]+," 10 ten)
  string(REGEX REPLACE "(${ten})" "\\1\n    " out "${${var}}")
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

# nonkey.txt of language `lang`: appends to the variable named by `out`
#   static const unsigned char <lang>_nonkey[]: the entries sorted bytewise, each
#     ended by '\n' (an entry is a word form, or a word form, one space and
#     "modifier", "date", "unit", "frame", "title", "source" or "adjective");
#   static const uint32_t <lang>_nonkey_at[]: where entry i starts;
#   static const uint32_t <lang>_nonkey_bucket[28 * 28 * 28 + 1]: the first
#     entry of each bucket, and the number of entries. A word's bucket
#     numbers its first three bytes in base 28: 0 for no byte (a shorter
#     word) or one below 'a', 1 to 26 for 'a' to 'z', 27 for one above 'z',
#     and 0 for every byte after one that is not 'a' to 'z' (word_bucket).
#     That keeps the sort order, so each bucket is a run of entries, and a
#     lookup binary-searches a run of a few entries (a few hundred for
#     "dis", "con") instead of the whole list, which waits on memory at
#     every step.
function(bucket_digit e i out)
  string(LENGTH "${e}" n)
  set(c "")
  if(i LESS n)
    string(SUBSTRING "${e}" ${i} 1 c)
  endif()
  if(c STREQUAL "" OR c STREQUAL " ")
    set(d 0)
  else()
    string(FIND "abcdefghijklmnopqrstuvwxyz" "${c}" d)
    if(d GREATER_EQUAL 0)
      math(EXPR d "${d} + 1")
    elseif(c STRLESS "a")
      set(d 0)
    else()
      set(d 27)
    endif()
  endif()
  set(${out} ${d} PARENT_SCOPE)
endfunction()

# The bucket of a word (see nonkey.txt below): its first three digits,
# where the digits after one that is not a letter from 'a' to 'z' are 0.
# Those zeros keep the order: "àb" (0xC3 0xA0 'b') sorts before "ác"
# (0xC3 0xA1 'c') but both bytes 0xA0 and 0xA1 are digit 27, so 'b' and 'c'
# must not split them. Must match pcs_word_bucket (src/language.h).
function(word_bucket e out)
  set(b 0)
  set(stop OFF)
  foreach(i 0 1 2)
    set(d 0)
    if(NOT stop)
      bucket_digit("${e}" ${i} d)
      if(d EQUAL 0 OR d EQUAL 27)
        set(stop ON)
      endif()
    endif()
    math(EXPR b "${b} * 28 + ${d}")
  endforeach()
  set(${out} ${b} PARENT_SCOPE)
endfunction()

function(c_nonkey path lang out)
  read_entries("${path}" checked)
  list(TRANSFORM checked REPLACE "[ \t]+" " ")
  set(bad "${checked}")
  list(FILTER bad EXCLUDE REGEX "^[^ ]+( modifier| date| unit| frame| title| source| adjective)?$")
  if(bad)
    list(GET bad 0 e)
    message(FATAL_ERROR "${path}: '${e}' is not 'WORD', 'WORD modifier', 'WORD date', 'WORD unit', 'WORD frame', 'WORD title', 'WORD source' or 'WORD adjective'")
  endif()
  # As std::string compares: byte by byte, unsigned. A space sorts before
  # every byte of a word, so the order of the lines is that of their words.
  list(SORT checked COMPARE STRING CASE SENSITIVE ORDER ASCENDING)
  list(REMOVE_DUPLICATES checked)
  set(buckets "")
  set(at_list "")
  set(next 0)
  set(index 0)
  set(at 0)
  set(prev_prefix "")
  set(chunk "") # the offsets since the last flush into at_list (see read_entries)
  foreach(e IN LISTS checked)
    string(REGEX MATCH "^[^ ]?[^ ]?[^ ]?" prefix "${e}")
    if(NOT prefix STREQUAL prev_prefix)
      set(prev_prefix "${prefix}")
      word_bucket("${prefix}" bucket)
      bucket_starts(buckets next ${bucket} ${index})
    endif()
    string(APPEND chunk "${at},")
    string(LENGTH "${e}" n)
    math(EXPR at "${at} + ${n} + 1")
    math(EXPR index "${index} + 1")
    math(EXPR flush "${index} % 512")
    if(flush EQUAL 0)
      string(APPEND at_list "${chunk}")
      set(chunk "")
    endif()
  endforeach()
  string(APPEND at_list "${chunk}")
  bucket_starts(buckets next ${WORD_BUCKETS} ${index})
  ten_a_line(buckets)
  ten_a_line(at_list)
  # The bytes, written as numbers: a string literal this long is more than
  # ISO C asks compilers to accept.
  list(JOIN checked "\n" text)
  file(WRITE "${OUTPUT}.nonkey" "${text}\n")
  file(READ "${OUTPUT}.nonkey" hex HEX)
  file(REMOVE "${OUTPUT}.nonkey")
  string(REGEX REPLACE "(..)" "0x\\1," bytes "${hex}")
  string(REPEAT "0x..," 16 sixteen)
  string(REGEX REPLACE "(${sixteen})" "\\1\n    " bytes "${bytes}")
  set(body "${${out}}")
  string(APPEND body "static const unsigned char ${lang}_nonkey[] = {\n    ${bytes}0};\n")
  string(APPEND body "static const uint32_t ${lang}_nonkey_at[] = {\n    ${at_list}};\n")
  string(APPEND body "static const uint32_t ${lang}_nonkey_bucket[28 * 28 * 28 + 1] = {\n    ${buckets}};\n")
  set(${out} "${body}" PARENT_SCOPE)
endfunction()

# Every language's stopwords in one table for language detection
# (src/langdetect.c, pcs_stopword_languages): appends to the variable
# named by `out`
#   const unsigned char pcs_detect_words[]: each distinct word once, sorted
#     bytewise, each ended by '\n';
#   const pcs_detect_entry pcs_detect_entries[]: per word, where it starts
#     and the set of languages (a bit per row of pcs_language_data_table)
#     whose list holds it;
#   const uint32_t pcs_detect_bucket[28 * 28 * 28 + 1]: the first entry of
#     each bucket, as for nonkey.txt, so a lookup searches the two or three
#     words that share a word's first three bytes, not all 7,500;
#   const size_t pcs_detect_count.
# `items` holds "WORD<tab>ROW" for every entry of every list. Built here,
# the table is constant data that a command maps from the binary instead
# of hashing some 8,000 words into a fresh heap table on its first
# detection (about 100 page faults and a million instructions a command).
function(c_detect items out)
  # A tab sorts before every byte of a word, as '\n' does in the blob, so
  # the words come out in the order the lookup compares them.
  list(SORT items COMPARE STRING CASE SENSITIVE ORDER ASCENDING)
  set(words "")
  set(entries "")
  set(prev "")
  set(mask 0)
  set(at 0)
  set(n 0)
  set(buckets "")
  set(next 0)
  foreach(item IN LISTS items ITEMS "\t")
    string(FIND "${item}" "\t" tab)
    string(SUBSTRING "${item}" 0 ${tab} w)
    math(EXPR row_at "${tab} + 1")
    string(SUBSTRING "${item}" ${row_at} -1 row)
    if(NOT w STREQUAL prev OR row STREQUAL "")
      if(NOT prev STREQUAL "")
        math(EXPR hex "${mask}" OUTPUT_FORMAT HEXADECIMAL)
        string(APPEND entries "{${at}, ${hex}},")
        word_bucket("${prev}" bucket)
        bucket_starts(buckets next ${bucket} ${n})
        list(APPEND words "${prev}")
        string(LENGTH "${prev}" len)
        math(EXPR at "${at} + ${len} + 1")
        math(EXPR n "${n} + 1")
      endif()
      set(prev "${w}")
      set(mask 0)
    endif()
    if(NOT row STREQUAL "")
      math(EXPR mask "${mask} | (1 << ${row})")
    endif()
  endforeach()
  bucket_starts(buckets next ${WORD_BUCKETS} ${n})
  ten_a_line(buckets)
  string(REPEAT "{[0-9]+, 0x[0-9a-f]+}," 4 four)
  string(REGEX REPLACE "(${four})" "\\1\n    " entries "${entries}")
  list(JOIN words "\n" text)
  file(WRITE "${OUTPUT}.detect" "${text}\n")
  file(READ "${OUTPUT}.detect" hex HEX)
  file(REMOVE "${OUTPUT}.detect")
  string(REGEX REPLACE "(..)" "0x\\1," bytes "${hex}")
  string(REPEAT "0x..," 16 sixteen)
  string(REGEX REPLACE "(${sixteen})" "\\1\n    " bytes "${bytes}")
  set(body "${${out}}")
  string(APPEND body "\nconst unsigned char pcs_detect_words[] = {\n    ${bytes}0};\n")
  string(APPEND body "const pcs_detect_entry pcs_detect_entries[] = {\n    ${entries}};\n")
  string(APPEND body "const uint32_t pcs_detect_bucket[28 * 28 * 28 + 1] = {\n    ${buckets}};\n")
  string(APPEND body "const size_t pcs_detect_count = ${n};\n")
  set(${out} "${body}" PARENT_SCOPE)
endfunction()

file(GLOB langs RELATIVE "${MODELS_DIR}" "${MODELS_DIR}/*")
list(SORT langs)
set(body "/* Generated from models/ by cmake/EmbedLanguageData.cmake: do not edit. */\n")
string(APPEND body "#include <stddef.h>\n#include <stdint.h>\n\n#include \"language.h\"\n\n")
set(table "")
set(count 0)
set(detect_items "")
foreach(lang IN LISTS langs)
  if(NOT IS_DIRECTORY "${MODELS_DIR}/${lang}")
    continue()
  endif()
  set(fields "")
  foreach(kind stopwords abbreviations reporting evaluative)
    set(path "${MODELS_DIR}/${lang}/${kind}.txt")
    if(EXISTS "${path}")
      if(kind STREQUAL "stopwords")
        read_entries("${path}" words)
        foreach(w IN LISTS words)
          # The word before any note, as the lookup reads an entry.
          string(REGEX MATCH "^[^ \t]+" w "${w}")
          if(w MATCHES "[][\\]")
            message(FATAL_ERROR "${path}: '${w}': brackets and backslashes confuse CMake lists")
          endif()
          list(APPEND detect_items "${w}\t${count}")
        endforeach()
      endif()
      c_entries("${path}" entries)
      string(APPEND body "static const char *const ${lang}_${kind}[] = {\n${entries}    NULL};\n")
      list(APPEND fields "${lang}_${kind}")
    else()
      list(APPEND fields "NULL")
    endif()
  endforeach()
  set(nonkey "NULL, NULL, NULL")
  if(EXISTS "${MODELS_DIR}/${lang}/nonkey.txt")
    c_nonkey("${MODELS_DIR}/${lang}/nonkey.txt" "${lang}" body)
    set(nonkey "${lang}_nonkey, ${lang}_nonkey_at, ${lang}_nonkey_bucket")
  endif()
  list(GET fields 0 sw)
  list(GET fields 1 ab)
  list(GET fields 2 rp)
  list(GET fields 3 ev)
  if(sw STREQUAL "NULL" AND ab STREQUAL "NULL" AND rp STREQUAL "NULL" AND ev STREQUAL "NULL" AND
     nonkey STREQUAL "NULL, NULL, NULL")
    continue()
  endif()
  string(APPEND table "    {\"${lang}\", ${sw}, ${ab}, ${rp}, ${ev}, ${nonkey}},\n")
  math(EXPR count "${count} + 1")
endforeach()
string(APPEND body "\nconst pcs_language_data pcs_language_data_table[] = {\n${table}};\n")
c_detect("${detect_items}" body)
string(APPEND body "const size_t pcs_language_data_count = ${count};\n")
string(APPEND body "_Static_assert(sizeof pcs_language_data_table / sizeof pcs_language_data_table[0] <=\n"
       "                   PCS_DETECT_MAX_LANGUAGES, \"more languages in models/ than PCS_DETECT_MAX_LANGUAGES\");\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
