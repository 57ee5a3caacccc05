"""How typed answers are read and compared with the right ones. No Textual.

`quizapp.grading` grades a whole answer with these parts:

- `fold`: folding a typed text for comparison, leading articles and
  prepositions, typo distance;
- `words`: the English word list and the bank's own words, negating prefixes;
- `numbers`: `read_number`, the one reader of typed numbers (the number
  answer field uses it too);
- `dates`: the English forms of a day ("July 12", "the 12th of July") or a
  decade ("the 1950s", "the fifties");
- `names`: the names an actor of the bank may be given ("President Putin");
- `text`: `match_text`, which applies the rules above to a typed answer.

Every function here does work linear in the length of what was typed (or
bounded by the length of the right answer), whatever it is given.
"""
