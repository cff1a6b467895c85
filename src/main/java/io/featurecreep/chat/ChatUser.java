package io.featurecreep.chat;

/**
 * A user of a chat: in a Slack workspace (team id) or a Discord guild (guild id). The same person has another id in
 * every workspace, so each is linked on its own.
 */
public record ChatUser(ChatPlatform platform, String workspaceId, String userId) {
}
