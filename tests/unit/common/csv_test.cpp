// The CSV writer: BOM, quoting, line endings and formula neutralisation.
#include "common/csv.hpp"

#include <gtest/gtest.h>

using fabrique::csv::Writer;

TEST(CsvWriter, StartsWithAByteOrderMarkAndEndsRowsWithCrLf) {
  Writer w;
  w.row({"nom", "organisation"}).row({"Élise", "Société générale"});
  EXPECT_EQ(w.text(), "\xEF\xBB\xBFnom,organisation\r\nÉlise,Société générale\r\n");
}

TEST(CsvWriter, QuotesSeparatorsQuotesAndLineBreaks) {
  Writer w;
  w.row({"a,b", "dit \"oui\"", "deux\nlignes", "simple"});
  EXPECT_EQ(w.text(), "\xEF\xBB\xBF\"a,b\",\"dit \"\"oui\"\"\",\"deux\nlignes\",simple\r\n");
}

TEST(CsvWriter, NeutralisesFormulasButKeepsNegativeNumbers) {
  Writer w;
  w.row(std::vector<std::string>{"=HYPERLINK(\"x\")", "@SUM(A1)", "-3", "-2.5", "+33 1 23"});
  EXPECT_EQ(w.text(), "\xEF\xBB\xBF\"'=HYPERLINK(\"\"x\"\")\",\"'@SUM(A1)\",-3,-2.5,\"'+33 1 23\"\r\n");
}

TEST(CsvWriter, EmptyFieldsStayEmpty) {
  Writer w;
  w.row({"", "x", ""});
  EXPECT_EQ(w.text(), "\xEF\xBB\xBF,x,\r\n");
}

TEST(CsvWriter, DoublesEveryQuoteWhereverItStands) {
  Writer w;
  w.row({"\"", "\"\"x\"", "fin\"", "retour\rseul"});
  EXPECT_EQ(w.text(), "\xEF\xBB\xBF\"\"\"\",\"\"\"\"\"x\"\"\",\"fin\"\"\",\"retour\rseul\"\r\n");
}
