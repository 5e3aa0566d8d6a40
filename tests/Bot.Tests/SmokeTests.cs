namespace ExpertBot.Bot.Tests;
