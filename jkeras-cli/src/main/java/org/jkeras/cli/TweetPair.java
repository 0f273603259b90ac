package org.jkeras.cli;

/** Two tweets and whether one author wrote both: one sample of the same-author task. */
public record TweetPair(String tweetA, String tweetB, boolean sameAuthor) {}
