package org.jkeras.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user's own pairs for the main job: a CSV file (RFC 4180: comma separated, fields in double
 * quotes may hold commas, line breaks and doubled quotes) with the header
 * {@code tweet_a,tweet_b,same_author}; same_author is 1/0, true/false or yes/no. Errors name the
 * file and line.
 */
public final class PairCsv {
  /** The header the file must start with. */
  public static final List<String> HEADER = List.of("tweet_a", "tweet_b", "same_author");

  private PairCsv() {}

  /** Reads the pairs in {@code file}. */
  public static List<TweetPair> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException("--data: no such file: " + file);
    } catch (IOException e) {
      throw new CliException("--data: cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses CSV text; {@code source} names it in error messages. */
  public static List<TweetPair> parse(String text, String source) {
    List<Record> records = records(text, source);
    if (records.isEmpty()) {
      throw new CliException(source + ": the file is empty; expected the header "
          + String.join(",", HEADER) + " and one pair per line.");
    }
    Record header = records.get(0);
    List<String> names = header.fields.stream()
        .map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    if (!names.equals(HEADER)) {
      throw new CliException(source + " line " + header.line + ": expected the header "
          + String.join(",", HEADER) + ", got " + String.join(",", header.fields) + ".");
    }
    List<TweetPair> pairs = new ArrayList<>();
    for (Record r : records.subList(1, records.size())) {
      if (r.fields.size() != HEADER.size()) {
        throw new CliException(source + " line " + r.line + ": expected 3 fields ("
            + String.join(",", HEADER) + "), got " + r.fields.size()
            + "; quote texts that contain commas with double quotes.");
      }
      pairs.add(new TweetPair(r.fields.get(0), r.fields.get(1), label(r, source)));
    }
    if (pairs.isEmpty()) {
      throw new CliException(source + ": no pairs after the header.");
    }
    return pairs;
  }

  private static boolean label(Record r, String source) {
    String v = r.fields.get(2).strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "1", "true", "yes" -> true;
      case "0", "false", "no" -> false;
      default -> throw new CliException(source + " line " + r.line
          + ": same_author must be 1 or 0 (or true/false, yes/no), got '" + r.fields.get(2)
          + "'.");
    };
  }

  /** One CSV record and the line it starts on. */
  private record Record(int line, List<String> fields) {}

  private static List<Record> records(String text, String source) {
    List<Record> records = new ArrayList<>();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    int n = text.length();
    while (i < n) {
      int start = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean blank = true;
      boolean endOfRecord = false;
      while (i < n && !endOfRecord) {
        char c = text.charAt(i);
        if (c == '"' && field.isEmpty()) {
          blank = false;
          int quoteLine = line;
          i++;
          while (true) {
            if (i >= n) {
              throw new CliException(source + " line " + quoteLine
                  + ": a quoted field is never closed; end it with a double quote (write a quote"
                  + " inside a quoted field as two: \"\").");
            }
            char q = text.charAt(i);
            if (q == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (q == '\n') {
              line++;
            }
            field.append(q);
            i++;
          }
          if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n'
              && text.charAt(i) != '\r') {
            throw new CliException(source + " line " + line + ": unexpected text after a"
                + " closing quote; write a quote inside a quoted field as two: \"\".");
          }
          continue;
        }
        i++;
        switch (c) {
          case ',' -> {
            blank = false;
            fields.add(field.toString());
            field.setLength(0);
          }
          case '\r' -> {
            if (i < n && text.charAt(i) == '\n') {
              i++;
            }
            line++;
            endOfRecord = true;
          }
          case '\n' -> {
            line++;
            endOfRecord = true;
          }
          default -> {
            blank = false;
            field.append(c);
          }
        }
      }
      if (!blank) {
        fields.add(field.toString());
        records.add(new Record(start, fields));
      }
    }
    return records;
  }
}
