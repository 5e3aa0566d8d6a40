namespace ExpertBot.Knowledge.Tests;
