@echo off
rem Command-line launcher for Windows (untested here: the project has no Windows machine): runs LIIF Upscale
rem from the Maven build in target\ (run "mvn -B package -DskipTests" first). As ./liif, less its Linux-only
rem tuning (malloc arenas, huge pages, class-data archive, NNPACK line filter) and "spark" (Linux and clusters).
setlocal
set "here=%~dp0"
set "jar="
for %%f in ("%here%target\LIIF_Upscale-*.jar") do (
  echo %%~nf| findstr /i /c:"-sources" /c:"-tests" >nul || set "jar=%%f"
)
if not defined jar goto unbuilt
if not exist "%here%target\lib" goto unbuilt
set "level=warn"
set "engine=error"
set "args="
:next
if "%~1"=="" goto run
if /i "%~1"=="--verbose" (
  set "level=info"
  set "engine=info"
) else (
  set args=%args% %1
)
shift
goto next
:run
java %LIIF_JAVA_OPTS% -Dorg.slf4j.simpleLogger.defaultLogLevel=%level% -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda=error -Dorg.slf4j.simpleLogger.log.ai.djl.pytorch.engine.PtEngine=%engine% -cp "%jar%;%here%target\lib\*" io.github.liif.cli.LiifCli%args%
exit /b %errorlevel%
:unbuilt
echo liif: not built yet: run "mvn -B package -DskipTests" in %here% first 1>&2
exit /b 2
