/* Buurtkaart: Dutch search that finds whole words.
 *
 * Material appends a trailing wildcard to every query term ("zingen*"), and lunr does not run
 * wildcard terms through the stemmer. With only stems in the index ("zing", "kor"), typing a
 * whole word such as "zingen" or "koor" found nothing. Here the Dutch stemmer keeps the word
 * itself beside its stem, so whole words, word beginnings and stemmed queries all match.
 * Appended to Material's lunr.nl.min.js by the Buurtkaart plugin (licence: as this project).
 */
(function (lunr) {
  if (!lunr || !lunr.nl || !lunr.nl.stemmer || lunr.nl.stemmer.keepsWords) return;
  var stem = lunr.nl.stemmer;
  var keepWord = function (token) {
    var stemmed = stem(token.clone());
    return stemmed.toString() === token.toString() ? token : [token, stemmed];
  };
  keepWord.keepsWords = true;
  lunr.Pipeline.registerFunction(keepWord, "stemmer-nl-keep-words");
  lunr.nl.stemmer = keepWord;
})(typeof lunr !== "undefined" ? lunr : undefined);
